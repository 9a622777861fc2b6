namespace PricingApi.FeeList;

/// <summary>One published version in the list of versions.</summary>
public sealed record VersionSummary
{
    public int Version { get; init; }
    public DateTimeOffset EffectiveFrom { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public int ExtendedServiceCount { get; init; }
    public int BasicServiceCount { get; init; }
    /// <summary>Lower-case hex SHA-256 of the version's canonical document (GET /api/regulator/fee-list/versions/{version}).</summary>
    public required string Digest { get; init; }
    /// <summary>Whether the version is in effect now, scheduled to take effect, or superseded by a later one.</summary>
    public VersionStatus Status { get; init; }
}

public enum VersionStatus { Scheduled, InEffect, Superseded }
