using System.Diagnostics;

namespace PricingApi.Operations;

/// <summary>
/// Puts the request's id on the response as <c>X-Request-Id</c>: the same id that problem+json bodies carry as
/// <c>traceId</c> and that every log line of the request carries in its scope, so a clerk's complaint can be
/// matched to the logs.
/// </summary>
public static class RequestIdMiddleware
{
    public const string Header = "X-Request-Id";

    public static IApplicationBuilder UseRequestId(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.Headers[Header] = Activity.Current?.Id ?? context.TraceIdentifier;
            return next(context);
        });
}
