using PricingApi.Http;
using PricingApi.Caching;

namespace PricingApi.FeeList;

/// <summary>How long a browser or CDN may keep a response derived from the versions as they stand now.</summary>
public static class FeeListFreshness
{
    /// <summary>
    /// The configured max-age, but never past the moment the next scheduled version takes effect: at that moment
    /// "the list in effect" (and every page that says which version is current) changes without anyone publishing.
    /// </summary>
    public static string CacheControl(IReadOnlyList<VersionSummary> newestFirst, DateTimeOffset now, int maxAgeSeconds)
    {
        var next = VersionTimeline.NextAfter(newestFirst, now);
        var seconds = next is null
            ? maxAgeSeconds
            : (int)Math.Clamp(Math.Floor((next.EffectiveFrom - now).TotalSeconds), 0, maxAgeSeconds);
        return CachedContent.Short(seconds);
    }

    public static async ValueTask<string> CacheControlAsync(this FeeListStore store, DateTimeOffset now, int maxAgeSeconds, CancellationToken ct) =>
        CacheControl(await store.VersionsAsync(ct), now, maxAgeSeconds);
}
