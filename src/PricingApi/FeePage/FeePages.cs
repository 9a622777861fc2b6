using Microsoft.Extensions.Options;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Caching;

namespace PricingApi.FeePage;

/// <summary>
/// Builds the fee-list pages from published versions and keeps each rendering: a page is rendered once per
/// <see cref="FeePageKey"/> (version, its status now, the newest version, how many are withdrawn), then served as the same bytes and
/// strong ETag until publishing or the clock changes what it must say.
/// </summary>
public sealed class FeePages(FeeListStore store, UtilityClock clock, IOptions<UtilityOptions> utility, IOptions<FeeListOptions> options, RenderedBytes rendered)
{
    private readonly RenderedCache<FeePageKey> _pages = new(rendered);

    /// <summary>
    /// The page of <paramref name="version"/>, or of the version in effect when it is null, with the Content-Security-Policy
    /// that lets exactly its styles apply; null when there is no such version.
    /// </summary>
    public async Task<(CachedContent Page, string ContentSecurityPolicy)?> GetAsync(int? version, CancellationToken ct)
    {
        var now = clock.Now;
        var versions = await store.VersionsAsync(ct);
        var inEffect = VersionTimeline.InEffect(versions, now);
        var shown = version is null ? inEffect : versions.FirstOrDefault(v => v.Version == version);
        if (shown is null)
        {
            return null;
        }

        var status = VersionTimeline.StatusOf(shown, inEffect, now);
        var key = new FeePageKey(shown.Version, status, versions[0].Version, versions.Count(v => v.WithdrawnAt is not null));
        var page = await _pages.GetOrRenderAsync(key, k => RenderAsync(k, versions), ct, compress: true);
        var cacheControl = await store.CacheControlAsync(now, options.Value.MaxAgeSeconds, ct);
        var policy = FeePageStyles.ContentSecurityPolicy(FeePageStyles.PrintFooter(shown.Version, PageUrl(shown.Version)));
        return (new CachedContent(page, cacheControl, FeePageRenderer.ContentType), policy);
    }

    /// <summary>The version's own page: absolute under FeeList:PublicUrl when that is set, else the path alone.</summary>
    private string PageUrl(int version) => $"{options.Value.PublicUrl?.TrimEnd('/')}/fees/{version}";

    private async Task<byte[]> RenderAsync(FeePageKey key, IReadOnlyList<VersionSummary> versions)
    {
        var shown = await LoadAsync(key.Version);
        // The same comparison as GET /api/fee-list/versions/{v}/changes: against the latest earlier version not withdrawn.
        var prior = VersionTimeline.PreviousOf(versions, key.Version);
        var previous = prior is null ? null : await LoadAsync(prior.Version);
        var announced = new List<VersionChanges>();
        if (key.Status == VersionStatus.InEffect)
        {
            // Every later version is scheduled: versions take effect in the order they are published.
            var before = shown;
            // A withdrawn version will never take effect, so it announces nothing.
            foreach (var v in versions.Where(v => v.Version > key.Version && v.WithdrawnAt is null).Select(v => v.Version).Order())
            {
                var after = await LoadAsync(v);
                announced.Add(VersionChanges.Between(before, after));
                before = after;
            }
        }

        return FeePageRenderer.Render(new FeePageView
        {
            List = shown,
            Status = key.Status,
            Withdrawal = versions.FirstOrDefault(v => v.Version == key.Version && v.WithdrawnAt is not null),
            PublisherEn = FeeListLabels.PublisherEn(shown, utility.Value),
            Previous = versions.FirstOrDefault(v => v.Version == key.Version - 1),
            Next = versions.FirstOrDefault(v => v.Version == key.Version + 1),
            Changes = key.Version > 1 ? VersionChanges.Between(previous, shown) : null,
            Announced = announced,
            PageUrl = PageUrl(key.Version),
        });
    }

    private async Task<FeeListDocument> LoadAsync(int version) =>
        (await store.GetAsync(version, CancellationToken.None))?.Public
        ?? throw new InvalidOperationException($"Fee-list version {version} is listed but could not be loaded.");
}
