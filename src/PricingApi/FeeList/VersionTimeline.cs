namespace PricingApi.FeeList;

/// <summary>
/// Which version is in effect, and which comes next, read from the versions newest first. The one place that decides
/// it: a withdrawn version is skipped here, so it is never in effect anywhere. Plain loops: these run on every public
/// fee-list request.
/// </summary>
public static class VersionTimeline
{
    /// <summary>The latest version not withdrawn whose effective time has come by <paramref name="at"/>.</summary>
    public static VersionSummary? InEffect(IReadOnlyList<VersionSummary> newestFirst, DateTimeOffset at)
    {
        for (var i = 0; i < newestFirst.Count; i++)
        {
            if (newestFirst[i].WithdrawnAt is null && newestFirst[i].EffectiveFrom <= at)
            {
                return newestFirst[i];
            }
        }

        return null;
    }

    /// <summary>The first version not withdrawn scheduled to take effect after <paramref name="at"/>, if one is.</summary>
    public static VersionSummary? NextAfter(IReadOnlyList<VersionSummary> newestFirst, DateTimeOffset at)
    {
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            if (newestFirst[i].WithdrawnAt is null && newestFirst[i].EffectiveFrom > at)
            {
                return newestFirst[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The version <paramref name="version"/> is compared with to say what it changed: the latest earlier one not
    /// withdrawn (a withdrawn version was never in effect, so nobody saw its prices); null for the first.
    /// </summary>
    public static VersionSummary? PreviousOf(IReadOnlyList<VersionSummary> newestFirst, int version)
    {
        for (var i = 0; i < newestFirst.Count; i++)
        {
            if (newestFirst[i].Version < version && newestFirst[i].WithdrawnAt is null)
            {
                return newestFirst[i];
            }
        }

        return null;
    }

    /// <summary>The latest version not withdrawn, which the next one is compared with; null before any.</summary>
    public static VersionSummary? LatestStanding(IReadOnlyList<VersionSummary> newestFirst) => PreviousOf(newestFirst, int.MaxValue);

    /// <summary>What <paramref name="version"/> is at <paramref name="at"/>: withdrawn, scheduled, in effect or superseded.</summary>
    public static VersionStatus StatusOf(VersionSummary version, VersionSummary? inEffect, DateTimeOffset at) =>
        version.WithdrawnAt is not null ? VersionStatus.Withdrawn
        : version.EffectiveFrom > at ? VersionStatus.Scheduled
        : version.Version == inEffect?.Version ? VersionStatus.InEffect
        : VersionStatus.Superseded;

    /// <summary>The versions, each labelled with its status at <paramref name="at"/>.</summary>
    public static IEnumerable<VersionSummary> Labelled(IReadOnlyList<VersionSummary> newestFirst, DateTimeOffset at)
    {
        var inEffect = InEffect(newestFirst, at);
        return newestFirst.Select(v => v with { Status = StatusOf(v, inEffect, at) });
    }
}
