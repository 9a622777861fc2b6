using PricingApi.FeeList;

namespace PricingApi.FeePage;

/// <summary>Everything one page of the fee list shows, gathered before it is rendered.</summary>
public sealed record FeePageView
{
    public required FeeListDocument List { get; init; }
    /// <summary>Whether the shown version is in effect now, announced for later, or replaced by a later one.</summary>
    public required VersionStatus Status { get; init; }
    /// <summary>The shown version's entry when it was withdrawn (when and why); null otherwise.</summary>
    public VersionSummary? Withdrawal { get; init; }
    public string? PublisherEn { get; init; }
    public VersionSummary? Previous { get; init; }
    public VersionSummary? Next { get; init; }
    /// <summary>What the shown version changed against the one before it; null for version 1.</summary>
    public VersionChanges? Changes { get; init; }
    /// <summary>Versions announced to take effect after the shown one, with what each will change (only while it is in effect).</summary>
    public IReadOnlyList<VersionChanges> Announced { get; init; } = [];
    /// <summary>Where this version's page can be found again, printed in the footer of every sheet: absolute when FeeList:PublicUrl is set.</summary>
    public string PageUrl { get; init; } = "";
}

/// <summary>
/// What a rendered page depends on besides immutable versions: which version, its status now, the newest version
/// (which decides the "next" link and the announcements) and how many versions are withdrawn (a withdrawal, which is
/// never undone, removes an announcement and changes which version "本版变更" compares with). Equal keys render
/// equal bytes.
/// </summary>
public readonly record struct FeePageKey(int Version, VersionStatus Status, int Newest, int Withdrawals);
