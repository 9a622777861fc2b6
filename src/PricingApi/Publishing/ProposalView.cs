using PricingApi.FeeList;

namespace PricingApi.Publishing;

/// <summary>A publication proposal as admins and the audit trail see it.</summary>
public sealed record ProposalView
{
    public const string Open = "open";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    /// <summary>The proposal's id, for POST /api/admin/fee-list/proposals/{id}/approval.</summary>
    public long Proposal { get; init; }
    /// <summary>
    /// <c>open</c> (waiting for a second pricing admin), <c>approved</c> (published as <see cref="Version"/>) or
    /// <c>rejected</c> (closed without publishing: see <see cref="RejectionReason"/>).
    /// </summary>
    public required string Status { get; init; }
    public DateTimeOffset ProposedAt { get; init; }
    public required string ProposedBy { get; init; }
    /// <summary>As requested; absent means the version takes effect when approved.</summary>
    public DateTimeOffset? EffectiveFrom { get; init; }
    /// <summary>SHA-256 of the catalog content proposed; an approval after any change to it is refused.</summary>
    public required string CatalogDigest { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
    public string? ApprovedBy { get; init; }
    /// <summary>The version the approval published.</summary>
    public int? Version { get; init; }
    /// <summary>When it was closed without publishing: rejected by a pricing admin, withdrawn by its proposer, or closed by the publish of its very content.</summary>
    public DateTimeOffset? RejectedAt { get; init; }
    /// <summary>Who closed it; for a proposal closed by a publish, the admin who published.</summary>
    public string? RejectedBy { get; init; }
    public string? RejectionReason { get; init; }
    /// <summary>
    /// Only when one open proposal is read: true when the working catalog changed after the proposal was made, so an
    /// approval is refused (409) and it must be proposed again.
    /// </summary>
    public bool? CatalogChangedSince { get; init; }
    /// <summary>
    /// Only when one open proposal is read and the catalog is unchanged: what approving it would publish, against the
    /// latest version not withdrawn, under the number it would get if approved now.
    /// </summary>
    public VersionChanges? Changes { get; init; }

    public static ProposalView Of(PublicationProposal p) => new()
    {
        Proposal = p.Id,
        Status = p.Version is not null ? Approved : p.RejectedAt is not null ? Rejected : Open,
        ProposedAt = Utility.UtilityClock.Local(p.ProposedAt),
        ProposedBy = p.ProposedBy,
        EffectiveFrom = p.EffectiveFrom is { } e ? Utility.UtilityClock.Local(e) : null,
        CatalogDigest = p.CatalogDigest,
        ApprovedAt = p.ApprovedAt is { } a ? Utility.UtilityClock.Local(a) : null,
        ApprovedBy = p.ApprovedBy,
        Version = p.Version,
        RejectedAt = p.RejectedAt is { } r ? Utility.UtilityClock.Local(r) : null,
        RejectedBy = p.RejectedBy,
        RejectionReason = p.RejectionReason,
    };
}
