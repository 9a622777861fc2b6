using System.Globalization;

namespace PricingApi.Publishing;

/// <summary>
/// The refusals publishing gives, written once in English; their Chinese (the default answer) is in
/// <c>Http/ProblemTexts.zh.resx</c>, keyed by these templates.
/// </summary>
public static class PublishingMessages
{
    public const string TooFarAheadTemplate =
        "effectiveFrom {0} lies more than {1} days ahead (Publishing:MaxScheduleDays; the latest allowed is {2}). Check the year for a typo.";
    public const string NothingChangedTemplate =
        "Nothing changed: the working catalog is the same as version {0}, the latest version not withdrawn. There is nothing to publish.";
    public const string CannotPublishTitle = "The fee list cannot be published.";
    public const string ForbiddenTitle = "Forbidden.";
    public const string UnknownVersionTemplate = "No fee-list version {0} has been published.";
    public const string AlreadyInEffectTemplate = "Version {0} took effect at {1} and can no longer be withdrawn; publish a new version to correct it.";
    public const string AlreadyWithdrawnTemplate = "Version {0} has already been withdrawn.";
    public const string UnknownProposalTemplate = "No publication proposal {0} exists.";
    public const string SelfApproval = "Publishing needs a second pricing admin: the key that proposed it cannot approve it.";
    public const string ProposalPublishedTemplate = "Proposal {0} was already approved and published as version {1}.";
    public const string ProposalClosedTemplate = "Proposal {0} is no longer open.";
    public const string ProposalRejectedTemplate = "Proposal {0} was rejected at {1}; it can no longer be approved or rejected.";
    public const string RejectionReasonRequired = "'reason' is required: the proposer, the other admins and the audit trail see why a proposal was closed.";
    public const string CatalogChangedSinceProposalTemplate =
        "The working catalog changed after proposal {0} was made, so approving it would publish something its proposer never saw. Propose again.";

    public const string SampleNotProposed =
        "With Publishing:RequireApproval, a proposal carries the sample-data mark over from the latest version; 'sample' cannot be set on it.";
    public const string AlreadyProposedTemplate =
        "Proposal {0} already proposes this catalog, to take effect at the same time, and is waiting for approval: approve it, or change the catalog before proposing again.";

    public const string SameNameAndUnitTemplate =
        "Publishing is refused while extended services share a name and unit, so a customer could not tell which price applies: {0}. Name each so it says how it differs (a size, a scope).";

    public static string TooFarAhead(string effectiveFrom, int days, string latest) => F(TooFarAheadTemplate, effectiveFrom, days, latest);

    public static string SameNameAndUnit(string groups) => F(SameNameAndUnitTemplate, groups);

    public static string AlreadyProposed(long id) => F(AlreadyProposedTemplate, id);

    public static string NothingChanged(int version) => F(NothingChangedTemplate, version);

    public static string UnknownVersion(int version) => F(UnknownVersionTemplate, version);

    public static string AlreadyInEffect(int version, string effectiveFrom) => F(AlreadyInEffectTemplate, version, effectiveFrom);

    public static string AlreadyWithdrawn(int version) => F(AlreadyWithdrawnTemplate, version);

    public static string UnknownProposal(long id) => F(UnknownProposalTemplate, id);

    /// <summary>Why a proposal that is no longer open can be neither approved nor rejected.</summary>
    public static string ProposalDecided(PublicationProposal proposal) =>
        proposal.Version is { } v ? F(ProposalPublishedTemplate, proposal.Id, v)
        : proposal.RejectedAt is { } at ? F(ProposalRejectedTemplate, proposal.Id, Utility.UtilityTime.Format(Utility.UtilityClock.Local(at)))
        : F(ProposalClosedTemplate, proposal.Id);

    /// <summary>
    /// The reason recorded on an open proposal that a publish closed: the version now holds its very content, so
    /// approving it would publish nothing. Stored data, not a problem, so both languages are written into it.
    /// </summary>
    public static string PublishedByVersion(int version) =>
        F("第 {0} 版已发布了与本申请相同的目录，本申请已无可发布的内容，自动关闭。 Version {0} published this very catalog, so approving this proposal would publish nothing; closed by that publish.", version);

    public static string CatalogChangedSinceProposal(long id) => F(CatalogChangedSinceProposalTemplate, id);

    private static string F(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}
