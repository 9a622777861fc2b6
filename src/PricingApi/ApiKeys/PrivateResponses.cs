namespace PricingApi.ApiKeys;

/// <summary>
/// Every response to a request that presented a key is <c>Cache-Control: private, no-store</c>, whatever the route
/// and status: quotes and their print pages carry customers' names, phones and addresses, the admin catalog carries
/// costs, and no shared cache (the utility's proxy, a CDN) or browser may keep them.
/// </summary>
public static class PrivateResponses
{
    public const string CacheControl = "private, no-store";

    /// <summary>Applied as the response starts (see <c>ResponseHeaders</c>), after whatever the endpoint (CachedContent, a 304) set.</summary>
    public static void Apply(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
        {
            var headers = context.Response.Headers;
            headers.CacheControl = CacheControl;
            headers.Expires = default;
        }
    }
}
