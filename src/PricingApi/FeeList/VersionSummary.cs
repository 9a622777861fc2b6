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
    /// <summary>Whether the version is in effect now, scheduled to take effect, superseded by a later one, or withdrawn before it took effect.</summary>
    public VersionStatus Status { get; init; }
    /// <summary>When the version was withdrawn before taking effect; absent unless it was.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }
    /// <summary>Why it was withdrawn, as the admin who withdrew it wrote.</summary>
    public string? WithdrawalReason { get; init; }
}

public enum VersionStatus { Scheduled, InEffect, Superseded, Withdrawn }
