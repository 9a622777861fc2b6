using PricingApi.FeeList;

namespace PricingApi.Publishing;

/// <summary>What a publish attempt came to: a new version, a rule it broke (422), or a race it lost (409).</summary>
public abstract record PublishOutcome
{
    public sealed record Published(VersionSummary Version) : PublishOutcome;
    public sealed record Refused(string Detail) : PublishOutcome;
    public sealed record Conflicted(string Detail) : PublishOutcome;
}
