namespace PricingApi.Security;

/// <summary>
/// The one security-header policy: no content sniffing, no framing, no referrer leaks, no camera or location, HSTS
/// over HTTPS, and a content security policy. Every response gets <see cref="ApiPolicy"/> (nothing may load or run)
/// unless its endpoint declares its own with <see cref="WithContentSecurityPolicy{TBuilder}"/> (a page with its own
/// stylesheet); Swagger UI, which is middleware rather than an endpoint, gets one that allows its own scripts.
/// Applied as the response starts (see <c>ResponseHeaders</c>), so errors written by the exception handler, which
/// clears the response first, carry it too.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>What every page's policy ends with: it cannot be framed, change its base URL or submit a form.</summary>
    private const string Locked = "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string ApiPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; " + Locked;
    public const string SwaggerPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'";

    /// <summary>A page that loads nothing and runs nothing, styled only by <paramref name="styleSource"/> (a hash of its one stylesheet).</summary>
    public static string PagePolicy(string styleSource) => $"default-src 'none'; style-src {styleSource}; " + Locked;

    /// <summary>The CSP source that allows exactly this inline stylesheet and no other.</summary>
    public static string StyleHash(string css) =>
        $"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(css)))}'";

    /// <summary>Declares the content security policy of the endpoints built by <paramref name="builder"/>.</summary>
    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ContentSecurityPolicy(policy));

    private static readonly object PolicyKey = new();

    /// <summary>
    /// A response whose policy is known only when it is made (a fee page allows its own version's print-footer style):
    /// it replaces the endpoint's declared policy for this response only.
    /// </summary>
    public static void UsePolicy(HttpContext context, string policy) => context.Items[PolicyKey] = policy;

    /// <summary>Sets the headers on <paramref name="context"/>'s response, by its endpoint's declared policy.</summary>
    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = context.Items[PolicyKey] as string
                                        ?? context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicy>()?.Policy
                                        ?? (context.Request.Path.StartsWithSegments("/swagger") ? SwaggerPolicy : ApiPolicy);
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }
    }
}

/// <summary>Endpoint metadata: the Content-Security-Policy of this endpoint's responses.</summary>
public sealed record ContentSecurityPolicy(string Policy);
