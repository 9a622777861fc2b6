using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace PricingApi.Security;

/// <summary>
/// Behind the utility's reverse proxy or a CDN, the connection comes from the proxy; <c>X-Forwarded-For</c> names
/// the client. It is trusted only from the proxies named in <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges); with none named the headers are ignored, since anyone can
/// send them. Rate limits, the failed-key throttle and logs then see the client's address.
/// </summary>
public static class ProxySetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddProxySupport(this IServiceCollection services) =>
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            var section = configuration.GetSection(Section);
            // The Host header is never taken from the proxy: links and documents must not name a host a client chose.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Trust stops at the first address that is not a known proxy, so a chain (CDN, then proxy) can be named whole.
            o.ForwardLimit = null;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var value in Values(section.GetSection("KnownProxies")))
            {
                o.KnownProxies.Add(Parse(value, (string t, out IPAddress a) => IPAddress.TryParse(t, out a!), "KnownProxies"));
            }

            foreach (var value in Values(section.GetSection("KnownNetworks")))
            {
                o.KnownIPNetworks.Add(Parse(value, (string t, out System.Net.IPNetwork n) => System.Net.IPNetwork.TryParse(t, out n), "KnownNetworks"));
            }
        }).Services;

    /// <summary>First in the pipeline, before even the fee list's fast path; nothing at all when no proxy is configured.</summary>
    public static IApplicationBuilder UseProxySupport(this IApplicationBuilder app)
    {
        // Resolving the options here also stops the service at start when a setting is not an address.
        var options = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        return options.KnownProxies.Count + options.KnownIPNetworks.Count > 0 ? app.UseForwardedHeaders() : app;
    }

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>A list (<c>KnownProxies:0</c>, <c>KnownProxies__0</c>) or one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { Length: > 0 } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? ""))
        .Select(v => v.Trim())
        .Where(v => v.Length > 0);

    private static T Parse<T>(string text, TryParse<T> parse, string name) =>
        parse(text, out var value)
            ? value
            : throw new OptionsValidationException(Section, typeof(ForwardedHeadersOptions),
                [$"{Section}:{name} has '{text}', which is not {(name == "KnownProxies" ? "an IP address" : "a network in CIDR form (10.0.0.0/8)")}."]);
}
