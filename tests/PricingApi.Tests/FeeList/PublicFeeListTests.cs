using System.Net;
using System.Net.Http.Headers;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeeList;

/// <remarks>The tests only read (nothing is published here): one service for the class.</remarks>
public class PublicFeeListTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Fact]
    public async Task FreshDatabaseServesTheSeededListAsVersionOne()
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();

        var list = await (await client.GetAsync("/api/fee-list")).JsonBodyAsync();

        Assert.Equal(1, list["version"]!.GetValue<int>());
        Assert.Equal("CNY", list["currency"]!.GetValue<string>());
        Assert.Equal(0.10m, list["costProfitCap"]!.GetValue<decimal>());
        Assert.Equal("12315", list["supervisionPhone"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(list["publisher"]!.GetValue<string>()));
        var basic = list["basicServices"]!.AsArray();
        var extended = list["extendedServices"]!.AsArray();
        Assert.True(basic.Count >= 5);
        Assert.True(extended.Count >= 15);
        Assert.All(basic, b => Assert.Equal(0m, b!["price"]!.GetValue<decimal>()));
        Assert.Equal(["cleaning", "maintenance", "water-testing"],
            extended.Select(e => e!["category"]!.GetValue<string>()).Distinct().Order());

        var tank = extended.Single(e => e!["code"]!.GetValue<string>() == "EXT-TANK-CLEAN-20")!;
        Assert.Equal(900.00m, tank["priceExcludingTax"]!.GetValue<decimal>());
        Assert.Equal(0.06m, tank["vatRate"]!.GetValue<decimal>());
        Assert.Equal(954.00m, tank["price"]!.GetValue<decimal>());
        Assert.Equal("market-regulated", tank["pricingForm"]!.GetValue<string>());
        Assert.Null(tank["costBasis"]); // costs are for regulators, not the public list
    }

    [Fact]
    public async Task MoneyIsWrittenWithTwoDecimalsAndTimesAtPlusEight()
    {
        var app = shared.App;
        var text = await app.CreateAnonymousClient().GetStringAsync("/api/fee-list");

        Assert.Contains("\"price\":954.00", text);
        Assert.Contains("\"priceExcludingTax\":900.00", text); // SQLite returns 900.0; the contract writes the fen
        Assert.Contains("\"price\":0.00", text);
        Assert.Matches("\"effectiveFrom\":\"2026-11-23T09:00:00\\+08:00\"", text);
    }

    [Fact]
    public async Task ResponseHasStrongETagAndIfNoneMatchGives304()
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();

        var first = await client.GetAsync("/api/fee-list");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.True(first.Headers.CacheControl.MaxAge > TimeSpan.Zero);

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/fee-list");
        request.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        var stale = new HttpRequestMessage(HttpMethod.Get, "/api/fee-list");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task AtBeforeAnyVersionIs404ProblemAndBadAtIs400()
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();

        var before = await client.GetAsync("/api/fee-list?at=2020-01-01T00:00:00%2B08:00");
        var problem = await before.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("2020-01-01T00:00:00+08:00", problem["detail"]!.GetValue<string>());

        var errors = await (await client.GetAsync("/api/fee-list?at=yesterday")).ValidationErrorsAsync("at");
        Assert.Contains("ISO 8601", errors[0]);
    }

    [Fact]
    public async Task UnknownVersionAndUnknownRouteAreProblems()
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();

        var problem = await (await client.GetAsync("/api/fee-list/versions/99")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("99", problem["detail"]!.GetValue<string>());
        await (await client.GetAsync("/api/no-such-route")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
