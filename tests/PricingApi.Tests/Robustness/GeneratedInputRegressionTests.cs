using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Robustness;

/// <summary>Bugs the generated-input test (OpenApiFuzzTests) found, each pinned by the smallest request that showed it.</summary>
/// <remarks>One service for the tests that are refused (and check that nothing was stored); the one with its own throttle starts its own.</remarks>
public class GeneratedInputRegressionTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Theory]
    [InlineData("/api/fee-list?at=0001-01-01T00:00:00", "at")]
    [InlineData("/api/fee-list/versions?publishedAfter=0001-01-01T00:00:00", "publishedAfter")]
    [InlineData("/api/fee-list?at=9999-12-31T23:59:59Z", "at")]
    public async Task ATimeAtTheEdgeOfTheCalendarIsA400NotA500(string url, string field)
    {
        var app = shared.App;

        var errors = await (await app.CreateAnonymousClient().GetAsync(url)).ValidationErrorsAsync(field);

        Assert.Contains("ISO 8601", errors[0]);
    }

    [Fact]
    public async Task PublishingForTheLastDayOfTheCalendarIsA400NotA500()
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);

        var response = await admin.SendRawAsync(HttpMethod.Post, "/api/admin/fee-list/versions", """{"effectiveFrom":"9999-12-31T23:59:59Z"}""");

        await response.ValidationErrorsAsync("effectiveFrom");
        Assert.Single((await (await admin.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray());
    }

    [Fact]
    public async Task ABlockedAddressStillGetsThePublicListEvenWithAKeyHeader()
    {
        // The throttle answered 429 on public routes too, which their operations do not (and should not) declare:
        // the public list stays unlimited, and a public route tells a key guesser nothing.
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["RateLimits:FailedKeyChecksPerMinute"] = "2" });
        var guesser = app.CreateAnonymousClient();
        guesser.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, "pk.0123456789abcdef.guessguessguessguessguess");
        await (await guesser.GetAsync("/api/admin/services")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await guesser.GetAsync("/api/admin/services")).ProblemAsync(HttpStatusCode.Unauthorized);

        await (await guesser.GetAsync("/api/admin/services")).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync("/api/fee-list")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync("/api/fee-list/versions/1")).StatusCode);
    }

    // On PostgreSQL each of these was a 500: text there cannot hold NUL (and .NET cannot encode an unpaired surrogate).
    [Fact]
    public async Task ANulInAQuoteSearchIsA400()
    {
        var app = shared.App;

        var errors = await (await app.CreateClient(Roles.Staff).GetAsync("/api/quotes?customer=%00")).ValidationErrorsAsync("customer");

        Assert.Contains("control character", errors[0]);
    }

    [Fact]
    public async Task ANulInACatalogNameIsA400AndNothingIsStored()
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);

        await (await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-NUL").With("name", "清洗\u0000"))).ValidationErrorsAsync("name");

        await (await admin.GetAsync("/api/admin/services/EXT-NUL")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnUnpairedSurrogateInAQuoteAddressIsA400()
    {
        var app = shared.App;
        var body = """{"customer":{"name":"张三","phone":"13812345678","address":"东风西路\ud800","district":"五华区"},"lines":[{"serviceCode":"EXT-TEST-9","quantity":1}]}""";

        var response = await app.CreateClient(Roles.Staff).SendRawAsync(HttpMethod.Post, "/api/quotes", body);

        await response.ValidationErrorsAsync("customer.address");
    }

    [Fact]
    public async Task ACostPartNearDecimalMaxValueIsA400NotAnOverflow()
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);
        var body = Requests.Extended("EXT-HUGE-COST").With("costBasis", new Dictionary<string, object?>
        {
            ["materials"] = 38155322.67m, ["labour"] = 0m, ["machinery"] = 26840843.23m, ["other"] = 0m, ["overhead"] = decimal.MaxValue,
        });

        var errors = await (await admin.PostJsonAsync("/api/admin/services", body)).ValidationErrorsAsync("costBasis.overhead");

        Assert.Contains("100000000", errors[0]);
    }
}
