using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Robustness;

public class AbuseTests
{
    [Fact]
    public async Task EveryResponseCarriesSecurityHeaders()
    {
        await using var app = new PricingApiFactory();
        var client = app.CreateAnonymousClient();

        foreach (var url in new[] { "/api/fee-list", "/api/fee-list/versions/99", "/no-such-page", "/api/admin/services" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        }
    }

    [Fact]
    public async Task AnOversizedBodyIsA413ProblemAndNothingIsStored()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "4096" });
        var admin = app.CreateClient(Roles.PricingAdmin);
        var body = System.Text.Json.JsonSerializer.Serialize(Requests.Extended("EXT-HUGE").With("description", new string('很', 3000)));

        // A declared length over the limit is refused before the body is read (Kestrel also stops chunked bodies as they arrive).
        var response = await admin.SendRawAsync(HttpMethod.Post, "/api/admin/services", body);
        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        // The unread body ends the connection, and the answer says so: a keep-alive client must not send on it again.
        Assert.True(response.Headers.ConnectionClose, "a 413 without Connection: close");

        Assert.Contains("limit is 4096", problem["errors"]!["body"]![0]!.GetValue<string>());
        await (await admin.GetAsync("/api/admin/services/EXT-HUGE")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RepeatedFailedKeyChecksGet429WithRetryAfterButAValidKeyIsStillServed()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["RateLimits:FailedKeyChecksPerMinute"] = "3" });
        var good = app.CreateKey(Roles.PricingAdmin, "Real admin");
        var client = app.CreateAnonymousClient();

        for (var i = 0; i < 3; i++)
        {
            await (await Send(client, $"pk.{i:x16}.guessguessguessguessguess")).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        var blocked = await Send(client, "pk.0000000000000009.guessguessguessguessguess");
        var problem = await blocked.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("failed key checks", problem["detail"]!.GetValue<string>());
        Assert.True(int.Parse(blocked.Headers.GetValues("Retry-After").Single()) > 0);
        // Others' failures never refuse a valid key (clients behind one proxy share an address).
        Assert.Equal(HttpStatusCode.OK, (await Send(client, good)).StatusCode);
        // The public list, which carries no key, is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/fee-list")).StatusCode);
    }

    [Fact]
    public async Task AnonymousAssessmentsAreRateLimitedPerAddressWith429AndRetryAfter()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["RateLimits:AnonymousPostsPerMinute"] = "2" });
        var client = app.CreateAnonymousClient();
        var body = new { meterDiameterMm = 25, externalPipeLengthM = 50, customerType = "residential" };

        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/connections/assessments", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/connections/assessments", body)).StatusCode);
        var limited = await client.PostJsonAsync("/api/connections/assessments", body);

        var problem = await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Retry after", problem["detail"]!.GetValue<string>());
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) is > 0 and <= 60);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/fee-list")).StatusCode);
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/services");
        request.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client.SendAsync(request);
    }
}
