using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;

namespace PricingApi.Tests.Safety;

/// <summary>No cache may keep what was asked for with a key: customers' details, costs.</summary>
public class PrivateResponseTests
{
    [Fact]
    public async Task EveryResponseToARequestWithAKeyIsPrivateAndNotStored()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient(Roles.Staff);
        var admin = app.CreateClient(Roles.PricingAdmin);
        var quote = await staff.IssueAsync(("EXT-TANK-CLEAN-20", 1m));
        var number = quote.Text("number");

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["quote"] = await staff.GetAsync($"/api/quotes/{number}"),
            ["print page"] = await staff.GetAsync($"/api/quotes/{number}/print"),
            ["quote list"] = await staff.GetAsync("/api/quotes"),
            ["admin catalog"] = await admin.GetAsync("/api/admin/services"),
            ["public list with a key"] = await admin.GetAsync("/api/fee-list"),
            ["a version with a key"] = await admin.GetAsync("/api/fee-list/versions/1"),
            ["forbidden"] = await staff.GetAsync("/api/admin/services"),
            ["unknown quote"] = await staff.GetAsync("/api/quotes/Q-2026-999999"),
        };

        foreach (var (what, response) in responses)
        {
            Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true, Public: false }, $"{what}: {response.Headers.CacheControl}");
        }

        Assert.Contains("张三", await responses["print page"].Content.ReadAsStringAsync());
        // Without a key the public list stays cacheable for everyone.
        var anonymous = await app.CreateAnonymousClient().GetAsync("/api/fee-list");
        Assert.True(anonymous.Headers.CacheControl!.Public);
    }

    [Fact]
    public async Task ARefusedKeyIsAnsweredPrivatelyToo()
    {
        await using var app = new PricingApiFactory();
        var client = app.CreateAnonymousClient();

        var refused = await KeyThrottleTests.Send(client, HttpMethod.Get, "/api/quotes", "pk.0000000000000001.guessguessguessguessguess");
        await refused.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True(refused.Headers.CacheControl is { Private: true, NoStore: true });

        // A public route with a stray key answers as if anonymous, but privately.
        var list = await KeyThrottleTests.Send(client, HttpMethod.Get, "/api/fee-list", "garbage");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.True(list.Headers.CacheControl is { Private: true, NoStore: true, Public: false, MaxAge: null });
    }
}
