using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PricingApi.FeePage;
using PricingApi.Http;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;
using PricingApi.Security;

namespace PricingApi.Tests.Http;

/// <summary>
/// The headers every kind of response carries, set in one place (ResponseHeaders, by SecurityHeaders' policy):
/// the fee list from memory and from its endpoint, a 304, a page with its own policy, a printed page, a keyed
/// answer, routing's 404 and 405, and a failure turned into a problem by the exception handler.
/// </summary>
/// <remarks>One service for the tests that only read or are refused; the one that issues a quote and those with their own settings or clock start their own.</remarks>
public class ResponseHeaderTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    private static void AssertCommonHeaders(HttpResponseMessage response, string policy)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("camera=(), microphone=(), geolocation=()", Header(response, "Permissions-Policy"));
        Assert.Equal(policy, Header(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.False(string.IsNullOrEmpty(Header(response, "X-Request-Id")));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : "";

    [Fact]
    public async Task TheFeeListFromMemoryFromItsEndpointAndAs304CarriesTheSameHeaders()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["FeeList:RefreshSeconds"] = "300" });
        var client = app.CreateAnonymousClient();
        var first = await client.GetAsync("/api/fee-list");
        var fromMemory = await client.GetAsync("/api/fee-list");
        var fromEndpoint = await client.GetAsync($"/api/fee-list?at={Uri.EscapeDataString(app.Clock.Now.ToString("O"))}");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/fee-list");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", fromMemory.Headers.ETag!.Tag);
        var notModified = await client.SendAsync(conditional);

        foreach (var response in new[] { first, fromMemory, fromEndpoint, notModified })
        {
            AssertCommonHeaders(response, SecurityHeaders.ApiPolicy);
            Assert.Equal(fromMemory.Headers.ETag, response.Headers.ETag);
            Assert.Equal("public, max-age=60", Header(response, "Cache-Control"));
            Assert.Equal("Accept-Encoding", Header(response, "Vary"));
        }

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.NotEqual(Header(fromMemory, "X-Request-Id"), Header(fromEndpoint, "X-Request-Id"));
        Assert.Equal(await fromMemory.Content.ReadAsByteArrayAsync(), await fromEndpoint.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ThePageDeclaresItsOwnPolicy()
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();

        foreach (var url in new[] { "/fees", "/fees/1" })
        {
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            // Each version's page allows its stylesheet and its own print footer's style, and nothing else.
            var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
            Assert.StartsWith(FeePageStyles.BasePolicy.Split(';')[0] + ";", policy);
            Assert.Matches("^default-src 'none'; style-src 'sha256-[^']+' 'sha256-[^']+'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'$", policy);
            AssertCommonHeaders(page, policy);
        }

        AssertCommonHeaders(await client.GetAsync("/fees/99"), FeePageStyles.BasePolicy);
    }

    [Fact]
    public async Task PrintedPagesDeclareTheirPolicyAndStayPrivate()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        await staff.IssueAsync(("EXT-TANK-CLEAN-20", 1m));

        var print = await staff.GetAsync("/api/quotes/Q-2026-000001/print");
        var html = await print.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, print.StatusCode);
        AssertCommonHeaders(print, Charges.QuoteToChargeTests.PrintedPagePolicy(html));
        Assert.Equal("no-store, private", string.Join(", ", print.Headers.CacheControl!.ToString().Split(", ").Order()));
    }

    [Theory]
    [InlineData("GET", "/no-such-route", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/fee-list", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/admin/services", HttpStatusCode.Unauthorized)]
    public async Task RefusalsBeforeAnyEndpointCarryThemToo(string method, string url, HttpStatusCode status)
    {
        var app = shared.App;

        var response = await app.CreateAnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(status, response.StatusCode);
        AssertCommonHeaders(response, SecurityHeaders.ApiPolicy);
    }

    [Fact]
    public async Task AFailureOnTheFastPathIsAProblemWithTheHeadersAndTheRequestId()
    {
        var clock = new FailingClock();
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["FeeList:RefreshSeconds"] = "300" });
        await using var failing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(clock);
        }));
        var client = failing.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/fee-list")).StatusCode); // in memory from now on

        clock.Fail = true;
        var response = await client.GetAsync("/api/fee-list");

        var problem = await response.ProblemAsync(HttpStatusCode.InternalServerError);
        AssertCommonHeaders(response, SecurityHeaders.ApiPolicy);
        Assert.Equal(Header(response, "X-Request-Id"), problem["traceId"]!.GetValue<string>());
    }

    [Fact]
    public async Task SwaggerUiHasThePolicyThatLetsItsScriptsRun()
    {
        var app = shared.App;

        var response = await app.CreateAnonymousClient().GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertCommonHeaders(response, SecurityHeaders.SwaggerPolicy);
    }

    private sealed class FailingClock : TimeProvider
    {
        public bool Fail { get; set; }

        public override DateTimeOffset GetUtcNow() =>
            Fail ? throw new InvalidOperationException("The clock failed (test).") : TestClock.DefaultStart.ToUniversalTime();
    }
}
