using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Safety;

/// <summary>Failed key checks are throttled without letting anyone at the same address lock valid keys out.</summary>
public class KeyThrottleTests
{
    private static PricingApiFactory App() =>
        new(settings: new Dictionary<string, string?> { ["RateLimits:FailedKeyChecksPerMinute"] = "3" });

    [Fact]
    public async Task BadKeysOnPublicRoutesCountAgainstNobodyAndAreAnsweredAsAnonymous()
    {
        await using var app = App();
        var staffKey = app.CreateKey(Roles.Staff, "Counter 1");
        var client = app.CreateAnonymousClient();

        for (var i = 0; i < 10; i++)
        {
            var response = await Send(client, HttpMethod.Get, "/api/fee-list/versions", "garbage");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull((await response.JsonBodyAsync())!.AsArray());
        }

        // Ten bad keys on a public route later, keyed routes still answer 200 to a valid key and 401 (not 429) to a bad one.
        Assert.Equal(HttpStatusCode.OK, (await Send(client, HttpMethod.Get, "/api/quotes", staffKey)).StatusCode);
        var problem = await (await Send(client, HttpMethod.Get, "/api/quotes", "garbage")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("not a key this service issued", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task PastTheLimitFailingKeysGet429ButAValidKeyFromTheSameAddressIsNeverRefused()
    {
        await using var app = App();
        var adminKey = app.CreateKey(Roles.PricingAdmin, "Pricing desk");
        var revoked = app.CreateKey(Roles.Staff, "Old counter");
        await app.WithDbAsync(async db =>
        {
            foreach (var key in db.ApiKeys.Where(k => k.Name == "Old counter"))
            {
                key.RevokedAt = app.Clock.Now;
            }

            return await db.SaveChangesAsync();
        });
        var client = app.CreateAnonymousClient();

        // A client that keeps using its revoked key: 401 three times, then 429.
        for (var i = 0; i < 3; i++)
        {
            await (await Send(client, HttpMethod.Get, "/api/admin/services", revoked)).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        var limited = await Send(client, HttpMethod.Get, "/api/admin/services", revoked);
        var problem = await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("failed key checks", problem["detail"]!.GetValue<string>());
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());

        // Another client at the same address (behind the same proxy) with a valid key is served.
        var services = await Send(client, HttpMethod.Get, "/api/admin/services", adminKey);
        Assert.Equal(HttpStatusCode.OK, services.StatusCode);
        Assert.NotEmpty((await services.JsonBodyAsync()).AsArray());
    }

    [Fact]
    public async Task RetryAfterIsTheTimeLeftInTheWindowAndTheWindowEnds()
    {
        await using var app = App();
        var client = app.CreateAnonymousClient();
        const string guess = "pk.0000000000000001.guessguessguessguessguess";

        for (var i = 0; i < 3; i++)
        {
            await (await Send(client, HttpMethod.Get, "/api/quotes", guess)).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        app.Clock.Advance(TimeSpan.FromSeconds(45));
        var limited = await Send(client, HttpMethod.Get, "/api/quotes", guess);
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("15", limited.Headers.GetValues("Retry-After").Single());

        app.Clock.Advance(TimeSpan.FromSeconds(16));
        await (await Send(client, HttpMethod.Get, "/api/quotes", guess)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    internal static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, string key)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation(ApiKeyAuthenticationHandler.HeaderName, key);
        return client.SendAsync(request);
    }
}
