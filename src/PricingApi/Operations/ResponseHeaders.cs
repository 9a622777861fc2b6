using PricingApi.ApiKeys;
using PricingApi.Http;
using PricingApi.Security;

namespace PricingApi.Operations;

/// <summary>
/// The headers every response carries, set in one place as the response starts: <c>X-Request-Id</c>, the security
/// headers of <see cref="SecurityHeaders"/> (the endpoint's declared policy, known by then) and, for a request that
/// presented a key, <see cref="PrivateResponses"/>. Set then, not when the request arrives, so that they hold for
/// every kind of answer: an endpoint's, the fee list's fast path, a 404 from routing, and the problem the exception
/// handler writes after clearing the response.
/// </summary>
public static class ResponseHeaders
{
    public static IApplicationBuilder UseResponseHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(OnStarting, context);
            return next(context);
        });

    private static readonly Func<object, Task> OnStarting = static state =>
    {
        var context = (HttpContext)state;
        context.Response.Headers[RequestIdMiddleware.Header] = RequestIdMiddleware.Of(context);
        SecurityHeaders.Apply(context);
        PrivateResponses.Apply(context);
        return Task.CompletedTask;
    };
}
