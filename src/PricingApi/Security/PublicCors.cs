using Microsoft.AspNetCore.Cors.Infrastructure;

namespace PricingApi.Security;

/// <summary>
/// CORS for the public read routes (the fee list JSON, its downloads and the page), so the utility's website can
/// fetch them from a browser. <c>Cors:AllowedOrigins</c> lists the origins ("https://www.example.cn", or
/// "https://*.example.cn" for subdomains) as an array or one comma-separated string; "*" (the default) allows every
/// origin, which is safe here because these routes are anonymous, read-only and never use cookies; an empty value
/// allows none. Routes that need a key never carry this policy.
/// </summary>
public static class PublicCors
{
    public const string Policy = "public-read";
    public const string Setting = "Cors:AllowedOrigins";

    public static IServiceCollection AddPublicCors(this IServiceCollection services)
    {
        services.AddCors();
        // Read from the built configuration (so settings a host or test adds after registration count), and at
        // start, so a mistyped origin stops the service with the setting named instead of failing requests later.
        services.AddOptions<CorsOptions>()
            .Configure<IConfiguration>((options, configuration) =>
                options.AddPolicy(Policy, policy => Configure(policy, AllowedOrigins(configuration))))
            .ValidateOnStart();
        return services;
    }

    private static void Configure(CorsPolicyBuilder policy, string[] origins)
    {
        if (origins.Contains("*"))
        {
            policy.AllowAnyOrigin();
        }
        else
        {
            policy.WithOrigins(origins).SetIsOriginAllowedToAllowWildcardSubdomains();
        }

        // If-None-Match lets a script revalidate by hand; ETag and the file name are readable by the script.
        policy.WithMethods(HttpMethods.Get)
            .WithHeaders("If-None-Match")
            .WithExposedHeaders("ETag", "Content-Disposition")
            .SetPreflightMaxAge(TimeSpan.FromHours(1));
    }

    /// <summary>The configured origins; "*" when the setting is absent.</summary>
    public static string[] AllowedOrigins(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        if (!section.Exists())
        {
            return ["*"];
        }

        var children = section.GetChildren().Select(c => c.Value ?? "").ToList();
        var values = children.Count > 0 ? children : (section.Value ?? "").Split([',', ';', ' '], StringSplitOptions.None).ToList();
        var origins = values.Select(v => v.Trim().TrimEnd('/')).Where(v => v.Length > 0).Distinct().ToArray();
        var invalid = origins.Where(o => o != "*" && !IsOrigin(o)).ToList();
        return invalid.Count == 0
            ? origins
            : throw new InvalidOperationException(
                $"{Setting} must list origins such as https://www.example.cn (scheme and host, no path) or \"*\"; not: {string.Join(", ", invalid)}.");
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value.Replace("://*.", "://wildcard."), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
