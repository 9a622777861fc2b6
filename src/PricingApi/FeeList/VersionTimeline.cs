namespace PricingApi.FeeList;

/// <summary>
/// Which version is in effect, and which comes next, read from the versions newest first. Plain loops: these run on
/// every public fee-list request.
/// </summary>
public static class VersionTimeline
{
    /// <summary>The latest version whose effective time has come by <paramref name="at"/>.</summary>
    public static VersionSummary? InEffect(IReadOnlyList<VersionSummary> newestFirst, DateTimeOffset at)
    {
        for (var i = 0; i < newestFirst.Count; i++)
        {
            if (newestFirst[i].EffectiveFrom <= at)
            {
                return newestFirst[i];
            }
        }

        return null;
    }

    /// <summary>The first version scheduled to take effect after <paramref name="at"/>, if one is.</summary>
    public static VersionSummary? NextAfter(IReadOnlyList<VersionSummary> newestFirst, DateTimeOffset at)
    {
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            if (newestFirst[i].EffectiveFrom > at)
            {
                return newestFirst[i];
            }
        }

        return null;
    }
}
