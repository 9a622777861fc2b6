using PricingApi.ApiKeys;

namespace PricingApi.Http;

/// <summary>
/// Every response to a request that presented a key is <c>Cache-Control: private, no-store</c>, whatever the route
/// and status: quotes and their print pages carry customers' names, phones and addresses, the admin catalog carries
/// costs, and no shared cache (the utility's proxy, a CDN) or browser may keep them.
/// </summary>
public static class PrivateResponses
{
    public const string CacheControl = "private, no-store";

    /// <summary>Runs before anything that writes a response, so it covers errors and refusals too.</summary>
    public static IApplicationBuilder UsePrivateKeyedResponses(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
            {
                // Set when the headers go out, after whatever the endpoint (CachedContent, a 304) put there.
                context.Response.OnStarting(static state =>
                {
                    var headers = ((HttpResponse)state).Headers;
                    headers.CacheControl = CacheControl;
                    headers.Expires = default;
                    return Task.CompletedTask;
                }, context.Response);
            }

            return next(context);
        });
}
