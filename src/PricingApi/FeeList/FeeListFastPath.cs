using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PricingApi.ApiKeys;
using PricingApi.Utility;

namespace PricingApi.FeeList;

/// <summary>
/// The public fee list at the speed of a file. <c>GET /api/fee-list</c> without a query is most of the service's
/// traffic (every view of the utility's website, every regulator's poll) and its answer is the same bytes for
/// everyone, so this middleware answers it from memory before routing, with the endpoint's own answer
/// (<see cref="FeeListEndpoints.InEffectAnswer"/>, a <see cref="Caching.CachedContent"/>) and as that endpoint, so the
/// headers every response carries and the access log treat it as they treat the endpoint. Routing, CORS,
/// authentication, authorization and rate limiting, none of which apply to this route, are skipped.
/// </summary>
/// <remarks>
/// Whenever the answer is not in memory already (at start, once every <c>FeeList:RefreshSeconds</c>, after
/// publishing, before any version is in effect), and for a request with a key (whose answer must be private) or an
/// Origin (CORS is the CORS middleware's), the request goes on to the endpoint. So this path does no I/O besides the
/// response and sets no header of its own. It runs inside the exception handler, so a failure here is a problem+json.
/// </remarks>
public static class FeeListFastPath
{
    public static IApplicationBuilder UseFeeListFastPath(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        var store = services.GetRequiredService<FeeListStore>();
        var clock = services.GetRequiredService<UtilityClock>();
        var options = services.GetRequiredService<IOptions<FeeListOptions>>();
        var endpoints = services.GetRequiredService<EndpointDataSource>();
        Endpoint? endpoint = null;

        return app.Use((context, next) =>
        {
            var request = context.Request;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.QueryString.HasValue
                || !IsFeeListPath(request.Path)
                || request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) || request.Headers.ContainsKey(HeaderNames.Origin))
            {
                return next(context);
            }

            var now = clock.Now;
            var versions = store.FreshVersions();
            var inEffect = versions is null ? null : VersionTimeline.InEffect(versions, now);
            var version = inEffect is null ? null : store.Loaded(inEffect.Version);
            if (version is null)
            {
                return next(context);
            }

            // The route table is built on first use (the warm-up does it at start); look the endpoint up once.
            context.SetEndpoint(endpoint ??= endpoints.Endpoints.Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == FeeListEndpoints.CurrentName));
            return FeeListEndpoints.InEffectAnswer(version, versions!, now, options.Value.MaxAgeSeconds).ExecuteAsync(context);
        });
    }

    /// <summary>The route's own path; routing ignores case and a trailing slash, and so does this.</summary>
    private static bool IsFeeListPath(PathString path) =>
        path.Equals(Route, StringComparison.OrdinalIgnoreCase) || path.Equals(RouteWithSlash, StringComparison.OrdinalIgnoreCase);

    private static readonly PathString Route = new("/api/fee-list");
    private static readonly PathString RouteWithSlash = new("/api/fee-list/");
}
