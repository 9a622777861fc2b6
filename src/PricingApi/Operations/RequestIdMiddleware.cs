using System.Diagnostics;

namespace PricingApi.Operations;

/// <summary>
/// Gives every request one id: sent back as <c>X-Request-Id</c> (by <see cref="ResponseHeaders"/>), shown as
/// <c>traceId</c> in problem+json bodies (ASP.NET Core's problem details use the same expression), written in the
/// access log (<see cref="RequestLog"/>) and carried as <c>RequestId</c> in the scope of every other log line written
/// while serving it, so a clerk's complaint can be matched to the logs.
/// </summary>
/// <remarks>
/// ASP.NET Core's hosting layer would open a log scope and start an <see cref="Activity"/> for every request, the
/// public fee list's included; that alone costs about a sixth of a cached GET's throughput. appsettings.json turns
/// it off (<c>Microsoft.AspNetCore.Hosting.Diagnostics: None</c>) and this middleware opens the scope instead, after
/// the fee list's fast path, which writes no log line of its own. With a tracing listener attached, hosting starts
/// its Activity again and the id becomes the W3C trace id, here and in problem bodies alike.
/// </remarks>
public static class RequestIdMiddleware
{
    public const string Header = "X-Request-Id";

    /// <summary>The request's id: the W3C id of its Activity when tracing started one, else Kestrel's connection:request id.</summary>
    public static string Of(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;

    /// <summary>Opens the request's log scope for everything after it.</summary>
    public static IApplicationBuilder UseRequestLogScope(this IApplicationBuilder app)
    {
        // Scopes belong to the logger factory, not to one logger: every line written inside this one carries it.
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(RequestLog.Category);
        return app.Use(async (context, next) =>
        {
            using (logger.BeginScope(new RequestLogScope(Of(context), context.Request.Method, context.Request.Path.Value ?? "")))
            {
                await next(context);
            }
        });
    }
}
