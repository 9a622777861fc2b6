using System.Net;
using Microsoft.Extensions.Configuration;
using PricingApi.Http;
using PricingApi.Tests.Infrastructure;
using PricingApi.Security;

namespace PricingApi.Tests.FeeList;

/// <remarks>One service for the tests that read with the default settings; those with their own settings start their own.</remarks>
public class PublicCorsTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    private const string Website = "https://www.kmwater.example";

    public static TheoryData<string> PublicRoutes =>
        ["/api/fee-list", "/api/fee-list/versions", "/api/fee-list/versions/1", "/api/fee-list.csv", "/api/fee-list.xlsx", "/fees", "/fees/1"];

    [Theory]
    [MemberData(nameof(PublicRoutes))]
    public async Task PublicReadRoutesAllowAnyOriginByDefaultAndExposeTheETag(string path)
    {
        var app = shared.App;

        var response = await app.CreateAnonymousClient().SendAsync(FromOrigin(HttpMethod.Get, path, Website));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("ETag,Content-Disposition", Header(response, "Access-Control-Expose-Headers"));
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/fee-list")]
    [InlineData("/api/fee-list.csv")]
    [InlineData("/fees")]
    public async Task PreflightAllowsGetWithIfNoneMatch(string path)
    {
        var app = shared.App;
        var preflight = FromOrigin(HttpMethod.Options, path, Website);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");

        var response = await app.CreateAnonymousClient().SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("GET", Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("If-None-Match", Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal("3600", Header(response, "Access-Control-Max-Age"));
    }

    [Fact]
    public async Task RoutesThatNeedAKeyCarryNoCorsHeaders()
    {
        var app = shared.App;
        var admin = app.CreateAdmin();

        var response = await admin.SendAsync(FromOrigin(HttpMethod.Get, "/api/admin/services", Website));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task ConfiguredOriginsAreTheOnlyOnesAllowed()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?>
        {
            [PublicCors.Setting] = $"{Website}, https://*.kunming.example",
        });
        var client = app.CreateAnonymousClient();

        var own = await client.SendAsync(FromOrigin(HttpMethod.Get, "/api/fee-list", Website));
        var sub = await client.SendAsync(FromOrigin(HttpMethod.Get, "/api/fee-list", "https://news.kunming.example"));
        var other = await client.SendAsync(FromOrigin(HttpMethod.Get, "/api/fee-list", "https://elsewhere.example"));

        Assert.Equal(Website, Header(own, "Access-Control-Allow-Origin"));
        Assert.Contains("Origin", own.Headers.Vary); // a shared cache must key on the origin
        Assert.Equal("https://news.kunming.example", Header(sub, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Null(Header(other, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public void AllowedOriginsAreReadFromAnArrayOrAListAndDefaultToAny()
    {
        Assert.Equal(["*"], PublicCors.AllowedOrigins(Config()));
        Assert.Empty(PublicCors.AllowedOrigins(Config((PublicCors.Setting, ""))));
        Assert.Equal([Website, "https://b.example"], PublicCors.AllowedOrigins(Config((PublicCors.Setting, $"{Website}/; https://b.example"))));
        Assert.Equal([Website, "http://localhost:8080"],
            PublicCors.AllowedOrigins(Config(($"{PublicCors.Setting}:0", Website), ($"{PublicCors.Setting}:1", "http://localhost:8080"))));

        var error = Assert.Throws<InvalidOperationException>(() => PublicCors.AllowedOrigins(Config((PublicCors.Setting, "www.kmwater.example,https://a.example/fees"))));
        Assert.Contains("www.kmwater.example, https://a.example/fees", error.Message);
    }

    [Fact]
    public async Task AMistypedOriginStopsTheServiceAtStartNamingTheSetting()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { [PublicCors.Setting] = "www.kmwater.example" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateAnonymousClient());

        Assert.Contains("Cors:AllowedOrigins must list origins such as https://www.example.cn", error.ToString());
    }

    private static HttpRequestMessage FromOrigin(HttpMethod method, string path, string origin)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static IConfiguration Config(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();
}
