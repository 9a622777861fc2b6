namespace PricingApi.Publishing;

/// <summary>
/// A publish waiting for a second pricing admin (Publishing:RequireApproval). It records what the proposer saw
/// (<see cref="CatalogDigest"/>), so an approval never publishes a catalog that changed after the proposal.
/// </summary>
public sealed class PublicationProposal
{
    public long Id { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public required string ProposedBy { get; set; }
    /// <summary>The proposer's key id: names can repeat, keys cannot, and a proposer may not approve their own.</summary>
    public required string ProposerKeyId { get; set; }
    /// <summary>As requested; null means "when approved".</summary>
    public DateTimeOffset? EffectiveFrom { get; set; }
    /// <summary>SHA-256 of the working catalog as it stood when proposed.</summary>
    public required string CatalogDigest { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    /// <summary>The version the approval published.</summary>
    public int? Version { get; set; }
    /// <summary>
    /// When it was closed without being published: by a pricing admin (the proposer withdrawing it, or another
    /// rejecting it), or by the publish of a version with its very content, after which it could never be approved.
    /// </summary>
    public DateTimeOffset? RejectedAt { get; set; }
    public string? RejectedBy { get; set; }
    /// <summary>Why, as the admin wrote it or as the service recorded it.</summary>
    public string? RejectionReason { get; set; }

    /// <summary>Waiting for approval: neither approved nor rejected. The one definition, for queries (<see cref="Open"/>) and objects alike.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<PublicationProposal, bool>> Open = p => p.Version == null && p.RejectedAt == null;

    private static readonly Func<PublicationProposal, bool> IsOpenCompiled = Open.Compile();

    /// <summary>Waiting for approval: <see cref="Open"/>.</summary>
    public bool IsOpen => IsOpenCompiled(this);

    /// <summary>Closes it without publishing: by an admin with their reason, or by the publish of its very content.</summary>
    public void Reject(DateTimeOffset at, string by, string reason)
    {
        RejectedAt = at;
        RejectedBy = by;
        RejectionReason = reason;
    }
}
