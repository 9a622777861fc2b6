using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PricingApi.Http;
using PricingApi.Utility;

namespace PricingApi.FeeList;

/// <summary>The public fee list (收费目录清单): anonymous, cacheable, the same bytes for everyone.</summary>
public static class FeeListEndpoints
{
    public static RouteGroupBuilder MapFeeList(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/fee-list").WithTags("Public fee list").AllowAnonymous();

        group.MapGet("/", CurrentAsync).WithName("GetFeeList").WithTimeQuery("at")
            .WithSummary("The fee list in effect now, or at ?at=<time>.")
            .WithDescription("Responds with a strong ETag; If-None-Match answers 304. A time without an offset is read as Asia/Shanghai (+08:00).")
            .Produces<FeeListDocument>().Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/versions", VersionsAsync).WithName("ListFeeListVersions").WithTimeQuery("publishedAfter")
            .WithSummary("Every published version, newest first, scheduled ones included.")
            .WithDescription("Poll cheaply with ?publishedAfter=<time> or ?sinceVersion=<n> (only later versions; [] when none) and If-None-Match (304 while unchanged).")
            .Produces<List<VersionSummary>>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem();
        group.MapGet("/versions/{version:int}", VersionAsync).WithName("GetFeeListVersion")
            .WithSummary("One published version; it never changes, so it may be cached for good.")
            .Produces<FeeListDocument>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/versions/{version:int}/changes", ChangesAsync).WithName("GetFeeListVersionChanges")
            .WithSummary("What a version changed against the one before it: services added, removed, repriced (old and new price) and amended.")
            .WithDescription("The version compared with is the latest earlier one not withdrawn (a withdrawn version was never in effect), named in `previousVersion`; absent for the first version.")
            .Produces<VersionChanges>().ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<CachedContent, ValidationProblem, ProblemHttpResult>> CurrentAsync(
        string? at, FeeListStore store, UtilityClock clock, IOptions<FeeListOptions> options, CancellationToken ct)
    {
        var now = clock.Now;
        var moment = now;
        if (at is not null && !UtilityTime.TryParse(at, out moment))
        {
            return Problems.Invalid("at", "'at' must be an ISO 8601 time, e.g. 2026-12-01T00:00:00+08:00.");
        }

        // FeeListFastPath answers the same way from memory when it can; keep the two in step.
        var versions = await store.VersionsAsync(ct);
        var summary = VersionTimeline.InEffect(versions, moment);
        var version = summary is null ? null : await store.GetAsync(summary.Version, ct);
        if (version is null)
        {
            return Problems.NotFound($"No fee list was in effect at {UtilityTime.Format(moment)}.");
        }

        // Whatever is asked, the answer can change no sooner than the next version takes effect.
        var cacheControl = FeeListFreshness.CacheControl(versions, now, options.Value.MaxAgeSeconds);
        return new CachedContent(version.PublicJson, version.PublicETag, cacheControl);
    }

    private static async Task<Results<CachedContent, ValidationProblem>> VersionsAsync(
        [AsParameters] VersionsQuery query, FeeListStore store, UtilityClock clock, IOptions<FeeListOptions> options, CancellationToken ct)
    {
        var now = clock.Now;
        if (!query.TrySelect(await store.VersionsAsync(ct), now, out var listed, out var invalid))
        {
            return invalid;
        }

        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(listed, PricingJson.Options);
        return new CachedContent(body, PublishedVersion.StrongETag(body), await store.CacheControlAsync(now, options.Value.MaxAgeSeconds, ct));
    }

    private static async Task<Results<CachedContent, ProblemHttpResult>> VersionAsync(int version, FeeListStore store, CancellationToken ct)
    {
        var published = await store.GetAsync(version, ct);
        return published is null
            ? UnknownVersion(version)
            : new CachedContent(published.PublicJson, published.PublicETag, CachedContent.Immutable);
    }

    private static async Task<Results<Ok<VersionChanges>, ProblemHttpResult>> ChangesAsync(int version, FeeListStore store, HttpContext http,
        IOptions<FeeListOptions> options, CancellationToken ct)
    {
        var current = await store.GetAsync(version, ct);
        if (current is null)
        {
            return UnknownVersion(version);
        }

        // Against the latest earlier version not withdrawn (previousVersion says which). A later withdrawal of that one
        // changes the answer, so it is cached like the list of versions, not for good.
        var prior = VersionTimeline.PreviousOf(await store.VersionsAsync(ct), version);
        var previous = prior is null ? null : await store.GetAsync(prior.Version, ct);
        http.Response.Headers.CacheControl = CachedContent.Short(options.Value.MaxAgeSeconds);
        return TypedResults.Ok(VersionChanges.Between(previous?.Public, current.Public));
    }

    private static ProblemHttpResult UnknownVersion(int version) =>
        Problems.NotFound($"No fee-list version {version} has been published.");
}
