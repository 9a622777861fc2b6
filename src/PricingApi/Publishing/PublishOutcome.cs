using PricingApi.FeeList;

namespace PricingApi.Publishing;

/// <summary>
/// What a publishing act came to: a new version, a proposal waiting for approval (202), a withdrawal or a rejected
/// proposal (200), a rule it broke (422), a conflict with what is stored (409), a forbidden self-approval (403) or an
/// unknown subject (404).
/// </summary>
public abstract record PublishOutcome
{
    public sealed record Published(VersionSummary Version) : PublishOutcome;
    public sealed record Proposed(ProposalView Proposal) : PublishOutcome;
    public sealed record Withdrawn(VersionSummary Version) : PublishOutcome;
    public sealed record Rejected(ProposalView Proposal) : PublishOutcome;
    public sealed record Refused(string Detail) : PublishOutcome;
    public sealed record Conflicted(string Detail) : PublishOutcome;
    public sealed record Forbidden(string Detail) : PublishOutcome;
    public sealed record Unknown(string Detail) : PublishOutcome;
}
