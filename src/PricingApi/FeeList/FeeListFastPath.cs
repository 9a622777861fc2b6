using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PricingApi.ApiKeys;
using PricingApi.Http;
using PricingApi.Operations;
using PricingApi.Utility;

namespace PricingApi.FeeList;

/// <summary>
/// The public fee list at the speed of a file. <c>GET /api/fee-list</c> without a query is most of the service's
/// traffic (every view of the utility's website, every regulator's poll) and its answer is the same bytes for
/// everyone, so this middleware runs first and answers it from memory: the in-effect version's bytes and ETag,
/// computed once per version, with the headers the endpoint's response carries (security headers, X-Request-Id, CORS
/// for the public policy, ETag, Cache-Control, 304). Routing, authentication, authorization and rate limiting, none
/// of which apply to this route, are skipped.
/// </summary>
/// <remarks>
/// Whenever the answer is not in memory already (at start, once every <c>FeeList:RefreshSeconds</c>, after
/// publishing, before any version is in effect) the request goes on to the endpoint, which reads the database and
/// answers or fails like any other route. So this path does no I/O besides the response and cannot fail in a way the
/// endpoint would not; <c>FeeListFastPathTests</c> compare the two answers header by header.
/// </remarks>
public static class FeeListFastPath
{
    public static IApplicationBuilder UseFeeListFastPath(this IApplicationBuilder app)
    {
        var services = app.ApplicationServices;
        var store = services.GetRequiredService<FeeListStore>();
        var clock = services.GetRequiredService<UtilityClock>();
        var options = services.GetRequiredService<IOptions<FeeListOptions>>();
        var cors = services.GetRequiredService<ICorsService>();
        var corsPolicy = services.GetRequiredService<IOptions<CorsOptions>>().Value.GetPolicy(PublicCors.Policy)
                         ?? throw new InvalidOperationException($"The CORS policy {PublicCors.Policy} is not registered.");
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestLog.Category);

        return app.Use((context, next) =>
        {
            var request = context.Request;
            // A request that presents a key goes the long way: its answer must be private (PrivateResponses).
            if (!HttpMethods.IsGet(request.Method) || request.QueryString.HasValue || !IsFeeListPath(request.Path)
                || request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
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

            SecurityHeaders.Apply(context);
            context.Response.Headers[RequestIdMiddleware.Header] = RequestIdMiddleware.Of(context);
            if (request.Headers.ContainsKey(HeaderNames.Origin))
            {
                cors.ApplyResult(cors.EvaluatePolicy(context, corsPolicy), context.Response);
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var cacheControl = FeeListFreshness.CacheControl(versions!, now, options.Value.MaxAgeSeconds);
            var written = new CachedContent(version.PublicJson, version.PublicETag, cacheControl).ExecuteAsync(context);
            if (written.IsCompletedSuccessfully)
            {
                Served(context, started, log);
                return Task.CompletedTask;
            }

            return ServedAfterAsync(written, context, started, log);
        });
    }

    private static void Served(HttpContext context, long started, ILogger log)
    {
        RequestLog.Count(context, RouteText);
        RequestLog.Served(log, context, started);
    }

    private static async Task ServedAfterAsync(Task written, HttpContext context, long started, ILogger log)
    {
        try
        {
            await written;
        }
        finally
        {
            Served(context, started, log);
        }
    }

    private const string RouteText = "/api/fee-list/";

    /// <summary>The route's own path; routing ignores case and a trailing slash, and so does this.</summary>
    private static bool IsFeeListPath(PathString path) =>
        path.Equals(Route, StringComparison.OrdinalIgnoreCase) || path.Equals(RouteWithSlash, StringComparison.OrdinalIgnoreCase);

    private static readonly PathString Route = new("/api/fee-list");
    private static readonly PathString RouteWithSlash = new("/api/fee-list/");
}
