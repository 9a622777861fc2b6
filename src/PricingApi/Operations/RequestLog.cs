using System.Diagnostics;
using PricingApi.Http;

namespace PricingApi.Operations;

/// <summary>
/// One log line per request, as operators expect from an access log: method, path (never the query string, which
/// can carry customers' searches or a key sent by mistake), status, duration, client address and request id.
/// Category <c>PricingApi.Requests</c> at Information; set <c>Logging:LogLevel:PricingApi.Requests</c> to
/// <c>Warning</c> to turn it off. Also counts requests by route and status for telemetry.
/// </summary>
/// <remarks>
/// The fee list's fast path writes the same line through <see cref="Served"/>: a source-generated, level-checked
/// call that allocates nothing when the level is off; when on, the console logger formats and writes on its own
/// thread, so the request only pays for queueing one entry.
/// </remarks>
public static partial class RequestLog
{
    public const string Category = "PricingApi.Requests";

    [LoggerMessage(EventId = 1, EventName = "RequestServed", Level = LogLevel.Information,
        Message = "{Method} {Path} {Status} {DurationMs:0.0} ms {Client} {RequestId}")]
    private static partial void Log(ILogger logger, string method, string path, int status, double durationMs, string client, string requestId);

    /// <summary>Writes the line for a finished request that started at <paramref name="startedAt"/> (a Stopwatch timestamp).</summary>
    public static void Served(ILogger logger, HttpContext context, long startedAt)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            Log(logger, context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode,
                Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds, RateLimits.ClientAddress(context), RequestIdMiddleware.Of(context));
        }
    }

    /// <summary>Counts the request for the requests meter (only while something listens to it).</summary>
    public static void Count(HttpContext context, string? route)
    {
        if (PricingMetrics.Requests.Enabled)
        {
            PricingMetrics.Requests.Add(1, new KeyValuePair<string, object?>("http.route", route ?? "(none)"),
                new KeyValuePair<string, object?>("http.response.status_code", context.Response.StatusCode));
        }
    }

    /// <summary>Inside the request id's log scope, around everything else; the status is final when it returns.</summary>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                Count(context, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
                Served(logger, context, started);
            }
        });
    }
}
