using System.Diagnostics;

namespace PricingApi.Operations;

/// <summary>
/// One access-log line per request, as operators expect: method, path (never the query string, which can carry
/// customers' searches or a key sent by mistake), status, duration, client address and request id. On by default;
/// category <c>PricingApi.Requests</c>, so <c>Logging:LogLevel:PricingApi.Requests: Warning</c> turns it off. Also
/// counts requests by route and status for telemetry.
/// </summary>
/// <remarks>
/// Outermost but for the forwarded headers, so it times and sees the final status of every answer, the fee list's
/// fast path and the exception handler's problems included. The request only records a few values and queues them;
/// <see cref="AccessLog"/> formats and writes the lines on its own thread.
/// </remarks>
public static class RequestLog
{
    public const string Category = "PricingApi.Requests";

    /// <summary>Counts the request for the requests meter (only while something listens to it).</summary>
    public static void Count(HttpContext context, string? route)
    {
        if (PricingMetrics.Requests.Enabled)
        {
            PricingMetrics.Requests.Add(1, new KeyValuePair<string, object?>("http.route", route ?? "(none)"),
                new KeyValuePair<string, object?>("http.response.status_code", context.Response.StatusCode));
        }
    }

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<AccessLog>();
        return app.Use((context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            Task served;
            try
            {
                served = next(context);
            }
            catch
            {
                Served(context, started, log);
                throw;
            }

            if (served.IsCompletedSuccessfully)
            {
                Served(context, started, log);
                return Task.CompletedTask;
            }

            return ServedAfterAsync(served, context, started, log);
        });
    }

    private static async Task ServedAfterAsync(Task served, HttpContext context, long started, AccessLog log)
    {
        try
        {
            await served;
        }
        finally
        {
            Served(context, started, log);
        }
    }

    private static void Served(HttpContext context, long started, AccessLog log)
    {
        Count(context, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
        log.Write(context, started);
    }
}
