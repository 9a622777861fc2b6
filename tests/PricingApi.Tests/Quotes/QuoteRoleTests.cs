using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Quotes;

/// <summary>Quotes are for staff and pricing admins: anonymous callers get 401, regulators 403, on every route.</summary>
/// <remarks>One service for the refusals (401 and 403 save nothing); the tests that issue and cancel quote Q-2026-000001 start their own.</remarks>
public class QuoteRoleTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    public static TheoryData<string, string> Routes => new()
    {
        { "POST", "/api/quotes" },
        { "GET", "/api/quotes" },
        { "GET", "/api/quotes/Q-2026-000001" },
        { "POST", "/api/quotes/Q-2026-000001/cancel" },
        { "GET", "/api/quotes/Q-2026-000001/print" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnonymousCallerIsRefusedWith401(string method, string url)
    {
        var app = shared.App;

        var response = await SendAsync(app.CreateAnonymousClient(), method, url);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task RegulatorIsRefusedWith403(string method, string url)
    {
        var app = shared.App;

        var response = await SendAsync(app.CreateClient("regulator"), method, url);

        var detail = (await response.ProblemAsync(HttpStatusCode.Forbidden)).Text("detail");
        Assert.Contains("'regulator'", detail);
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("pricing-admin")]
    public async Task StaffAndPricingAdminMayUseEveryRoute(string role)
    {
        await using var app = new PricingApiFactory();
        var client = app.CreateClient(role);

        var created = await client.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/quotes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/quotes/Q-2026-000001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/quotes/Q-2026-000001/print")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/quotes/Q-2026-000001/cancel", null)).StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url) =>
        method == "POST" && url == "/api/quotes"
            ? client.PostJsonAsync(url, QuoteRequests.Quote(("EXT-TEST-9", 1m)))
            : client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
}
