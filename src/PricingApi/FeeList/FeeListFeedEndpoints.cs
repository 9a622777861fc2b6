using Microsoft.Extensions.Options;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Caching;
using PricingApi.Security;

namespace PricingApi.FeeList;

public static class FeeListFeedEndpoints
{
    public static IEndpointRouteBuilder MapFeeListFeed(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/fee-list/feed.atom", FeedAsync).WithName("GetFeeListFeed")
            .WithTags("Public fee list").AllowAnonymous().RequireCors(PublicCors.Policy)
            .WithSummary("An Atom feed (RFC 4287) of publications and withdrawals, newest first.")
            .WithDescription("Each entry links to the version's JSON (rel=related) and its page /fees/{version} (rel=alternate): absolute under the configured public address (FeeList:PublicUrl), else relative to the feed. Ids are urn:uuid names that never change. Strong ETag; If-None-Match answers 304.")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml").Produces(StatusCodes.Status304NotModified);
        return routes;
    }

    private static async Task<CachedContent> FeedAsync(FeeListStore store, RenderedBytes rendered, UtilityClock clock,
        IOptions<UtilityOptions> utility, IOptions<FeeListOptions> options, CancellationToken ct)
    {
        var versions = await store.VersionsAsync(ct);
        var body = FeeListFeed.Render(versions, utility.Value, options.Value.PublicUrl?.TrimEnd('/') ?? "");
        var cacheControl = await store.CacheControlAsync(clock.Now, options.Value.MaxAgeSeconds, ct);
        return new CachedContent(await rendered.CompressedAsync(body, ct), cacheControl, FeeListFeed.ContentType);
    }
}
