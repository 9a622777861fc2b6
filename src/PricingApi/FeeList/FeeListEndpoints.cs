using PricingApi.Operations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Caching;
using PricingApi.Validation;
using PricingApi.OpenApi;

namespace PricingApi.FeeList;

/// <summary>The public fee list (收费目录清单): anonymous, cacheable, the same bytes for everyone.</summary>
public static class FeeListEndpoints
{
    /// <summary>The endpoint of the list in effect, which <see cref="FeeListFastPath"/> answers for.</summary>
    public const string CurrentName = "GetFeeList";

    public static RouteGroupBuilder MapFeeList(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/fee-list").WithTags("Public fee list").AllowAnonymous();

        group.MapGet("/", CurrentAsync).Validate<MomentQuery>().WithName(CurrentName).WithTimeQuery("at")
            .WithMetadata(SampledInAccessLog.Instance)
            .WithSummary("The fee list in effect now, or at ?at=<time>.")
            .WithDescription("Responds with a strong ETag; If-None-Match answers 304. A time without an offset is read as Asia/Shanghai (+08:00).")
            .Produces<FeeListDocument>().Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/versions", VersionsAsync).Validate<VersionsQuery>().WithName("ListFeeListVersions").WithTimeQuery("publishedAfter")
            .WithSummary("Every published version, newest first, scheduled ones included.")
            .WithDescription("Poll cheaply with ?publishedAfter=<time> or ?sinceVersion=<n> (only later versions; [] when none) and If-None-Match (304 while unchanged).")
            .Produces<List<VersionSummary>>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem();
        group.MapGet("/versions/{version:int}", VersionAsync).WithName("GetFeeListVersion")
            .WithDescription("Public. The document exactly as it was published. Strong ETag; If-None-Match answers 304.")
            .WithSummary("One published version; it never changes, so it may be cached for good.")
            .Produces<FeeListDocument>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/versions/{version:int}/changes", ChangesAsync).WithName("GetFeeListVersionChanges")
            .WithDescription("Public. Computed from this version's published document and the one before it, so it always agrees with them.")
            .WithSummary("What a version changed against the one before it: services added, removed, repriced (old and new price) and amended.")
            .WithDescription("The version compared with is the latest earlier one not withdrawn (a withdrawn version was never in effect), named in `previousVersion`; absent for the first version. Strong ETag; If-None-Match answers 304.")
            .Produces<VersionChanges>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<CachedContent, ProblemHttpResult>> CurrentAsync(
        [AsParameters] MomentQuery query, FeeListStore store, UtilityClock clock, IOptions<FeeListOptions> options, CancellationToken ct)
    {
        var now = clock.Now;
        var moment = query.Or(now);

        var versions = await store.VersionsAsync(ct);
        var summary = VersionTimeline.InEffect(versions, moment);
        var version = summary is null ? null : await store.GetAsync(summary.Version, ct);
        if (version is null)
        {
            return Problems.NotFound($"No fee list was in effect at {UtilityTime.Format(moment)}.");
        }

        return InEffectAnswer(version, versions, now, options.Value.MaxAgeSeconds);
    }

    /// <summary>
    /// The answer of <c>GET /api/fee-list</c>, here and in <see cref="FeeListFastPath"/>. Whatever time is asked
    /// about, the answer can change no sooner than the next version takes effect.
    /// </summary>
    internal static CachedContent InEffectAnswer(PublishedVersion version, IReadOnlyList<VersionSummary> versions, DateTimeOffset now, int maxAgeSeconds) =>
        new(version.PublicContent, FeeListFreshness.CacheControl(versions, now, maxAgeSeconds));

    private static async Task<CachedContent> VersionsAsync([AsParameters] VersionsQuery query, FeeListStore store, RenderedBytes rendered,
        UtilityClock clock, IOptions<FeeListOptions> options, CancellationToken ct)
    {
        var now = clock.Now;
        var listed = query.Select(await store.VersionsAsync(ct), now);
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(listed, PricingJson.Options);
        return new CachedContent(await rendered.CompressedAsync(body, ct), await store.CacheControlAsync(now, options.Value.MaxAgeSeconds, ct));
    }

    private static async Task<Results<CachedContent, ProblemHttpResult>> VersionAsync(int version, FeeListStore store, CancellationToken ct)
    {
        var published = await store.GetAsync(version, ct);
        return published is null
            ? UnknownVersion(version)
            : new CachedContent(published.PublicContent, CachedContent.Immutable);
    }

    private static async Task<Results<CachedContent, ProblemHttpResult>> ChangesAsync(int version, FeeListStore store,
        RenderedCache<ChangesKey> changes, IOptions<FeeListOptions> options, CancellationToken ct)
    {
        var current = await store.GetAsync(version, ct);
        if (current is null)
        {
            return UnknownVersion(version);
        }

        // Against the latest earlier version not withdrawn (previousVersion says which). A later withdrawal of that one
        // changes the answer, so it is cached like the list of versions, not for good; the two versions compared name
        // the bytes, which are rendered once per pair.
        var prior = VersionTimeline.PreviousOf(await store.VersionsAsync(ct), version);
        var body = await changes.GetOrRenderAsync(new ChangesKey(version, prior?.Version), async key =>
        {
            var previous = key.Previous is { } p
                ? await store.GetAsync(p, CancellationToken.None) ?? throw new InvalidOperationException($"Fee-list version {p} is listed but could not be loaded.")
                : null;
            return System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(VersionChanges.Between(previous?.Public, current.Public), PricingJson.Options);
        }, ct, compress: true);
        return new CachedContent(body, CachedContent.Short(options.Value.MaxAgeSeconds));
    }

    /// <summary>What a version's changes are rendered from: the version and the one it is compared with.</summary>
    internal sealed record ChangesKey(int Version, int? Previous);

    private static ProblemHttpResult UnknownVersion(int version) =>
        Problems.NotFound($"No fee-list version {version} has been published.");
}
