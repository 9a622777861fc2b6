using System.Net;
using System.Net.Http.Json;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Safety;

/// <summary>Behind a reverse proxy: X-Forwarded-For is trusted from configured proxies only.</summary>
public class ProxyTests
{
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["RateLimits:FailedKeyChecksPerMinute"] = "1",
        ["RateLimits:AnonymousPostsPerMinute"] = "1",
    };

    private static PricingApiFactory App(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>(Limits);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var app = new PricingApiFactory(settings: all);
        app.StartOnLoopback();
        return app;
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "127.0.0.1")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/8, 127.0.0.0/8")]
    public async Task FromAKnownProxyTheThrottleAndRateLimitsCountEachForwardedClient(string setting, string value)
    {
        await using var app = App((setting, value));
        var client = app.CreateAnonymousClient();

        await (await BadKey(client, "203.0.113.7")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await BadKey(client, "203.0.113.7")).ProblemAsync(HttpStatusCode.TooManyRequests);
        // Another client behind the same proxy has its own count.
        await (await BadKey(client, "203.0.113.8")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.OK, (await Assess(client, "203.0.113.7")).StatusCode);
        await (await Assess(client, "203.0.113.7")).ProblemAsync(HttpStatusCode.TooManyRequests);
        var other = await Assess(client, "203.0.113.8");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotNull((await other.JsonBodyAsync())["connectionFree"]);
    }

    [Fact]
    public async Task WithNoProxyConfiguredForwardedHeadersAreIgnored()
    {
        await using var app = App();
        var client = app.CreateAnonymousClient();

        await (await BadKey(client, "203.0.113.7")).ProblemAsync(HttpStatusCode.Unauthorized);
        // The forged header changes nothing: both requests come from 127.0.0.1.
        await (await BadKey(client, "203.0.113.8")).ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task AForwardedHeaderFromAnAddressThatIsNotAKnownProxyIsIgnored()
    {
        await using var app = App(("ForwardedHeaders:KnownProxies", "192.0.2.1"));
        var client = app.CreateAnonymousClient();

        await (await BadKey(client, "203.0.113.7")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await BadKey(client, "203.0.113.8")).ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task TheOpenApiDocumentDoesNotNameTheHostAClientSent()
    {
        await using var app = App(("ForwardedHeaders:KnownProxies", "127.0.0.1"));
        var client = app.CreateAnonymousClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "attacker.example";
        request.Headers.Add("X-Forwarded-Host", "attacker2.example");

        var document = await (await client.SendAsync(request)).JsonBodyAsync();

        Assert.DoesNotContain("attacker", document.ToJsonString());
        Assert.NotNull(document["paths"]!["/api/fee-list"]);
    }

    [Fact]
    public async Task AProxySettingThatIsNotAnAddressStopsTheServiceAtStart()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies"] = "proxy.local" });
        var e = Assert.ThrowsAny<Exception>(() => app.CreateAnonymousClient());
        Assert.Contains("proxy.local", e.ToString());
    }

    private static Task<HttpResponseMessage> BadKey(HttpClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/quotes");
        request.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, "pk.0000000000000001.guessguessguessguessguess");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Assess(HttpClient client, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/connections/assessments")
        {
            Content = JsonContent.Create(new { meterDiameterMm = 25, externalPipeLengthM = 50, customerType = "residential" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }
}
