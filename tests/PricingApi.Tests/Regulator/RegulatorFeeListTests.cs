using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Regulator;

/// <remarks>One service for the tests that only read; those that publish start their own.</remarks>
public class RegulatorFeeListTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Fact]
    public async Task Sha256OfTheDownloadedVersionIsTheDigestListedForIt()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await RegulatorSteps.CreateAsync(admin, RegulatorSteps.ItemisedService("EXT-DIGEST-1", 903.13m));
        await RegulatorSteps.PublishAsync(app, admin);
        var regulator = app.CreateClient(Roles.Regulator);
        var listed = (await (await app.CreateAnonymousClient().GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray();

        foreach (var version in new[] { 1, 2 })
        {
            var response = await regulator.GetAsync($"/api/regulator/fee-list/versions/{version}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var sha = SHA256.HashData(bytes);
            var digest = listed.Single(v => v!["version"]!.GetValue<int>() == version)!["digest"]!.GetValue<string>();

            Assert.Equal(digest, Convert.ToHexStringLower(sha));
            Assert.Equal($"sha-256=:{Convert.ToBase64String(sha)}:", response.Headers.GetValues("Repr-Digest").Single());
            Assert.Equal(new EntityTagHeaderValue($"\"{digest}\""), response.Headers.ETag);
            Assert.Equal(version, JsonNode.Parse(bytes)!["version"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task AVersionIsPrivateImmutableAndIfNoneMatchGives304()
    {
        var app = shared.App;
        var regulator = app.CreateClient(Roles.Regulator);

        var first = await regulator.GetAsync("/api/regulator/fee-list/versions/1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl!.Private); // costs, fetched with a key: never in a shared cache
        Assert.False(first.Headers.CacheControl.Public);
        Assert.False(first.Headers.ETag!.IsWeak);

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/regulator/fee-list/versions/1");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag);
        var notModified = await regulator.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task EachExtendedServiceCarriesItsItemisedCostTheirSumAndTheRatioToTheDecimal()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await RegulatorSteps.CreateAsync(admin, RegulatorSteps.ItemisedService("EXT-COST-1", 903.13m));
        await RegulatorSteps.PublishAsync(app, admin);

        var text = await app.CreateClient(Roles.Regulator).GetStringAsync("/api/regulator/fee-list/versions/2");
        var service = JsonNode.Parse(text)!["extendedServices"]!.AsArray().Single(e => e!["code"]!.GetValue<string>() == "EXT-COST-1")!;

        var parts = service["costBasis"]!;
        Assert.Equal(120.10m, parts["materials"]!.GetValue<decimal>());
        Assert.Equal(500.25m, parts["labour"]!.GetValue<decimal>());
        Assert.Equal(80.05m, parts["machinery"]!.GetValue<decimal>());
        Assert.Equal(60.30m, parts["other"]!.GetValue<decimal>());
        Assert.Equal(60.33m, parts["overhead"]!.GetValue<decimal>());
        Assert.Equal(821.03m, service["cost"]!.GetValue<decimal>());
        Assert.Equal(903.13m, service["priceExcludingTax"]!.GetValue<decimal>());
        Assert.Equal(984.41m, service["price"]!.GetValue<decimal>()); // 903.13 × 1.09 = 984.4117
        Assert.Equal(0.099996m, service["costProfitRatio"]!.GetValue<decimal>()); // 82.10 ÷ 821.03
        Assert.Contains("\"cost\":821.03,", text);
    }

    [Fact]
    public async Task EveryExtendedServiceInTheSeededVersionHasCostEqualToTheSumOfItsParts()
    {
        var app = shared.App;

        var document = await (await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/fee-list/versions/1")).JsonBodyAsync();

        var extended = document["extendedServices"]!.AsArray();
        Assert.NotEmpty(extended);
        Assert.All(extended, e =>
        {
            var basis = e!["costBasis"]!;
            var sum = new[] { "materials", "labour", "machinery", "other", "overhead" }.Sum(p => basis[p]!.GetValue<decimal>());
            Assert.Equal(sum, basis["total"]!.GetValue<decimal>());
            Assert.Equal(sum, e["cost"]!.GetValue<decimal>());
        });
        Assert.Equal("seed", document["publishedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheListInEffectIsTheSameBytesAsItsVersionAndNamesIt()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var scheduledFrom = app.Clock.Now.AddDays(7);
        await RegulatorSteps.CreateAsync(admin, Requests.Extended("EXT-REG-7"));
        await (await admin.PostJsonAsync("/api/admin/fee-list/versions", new { effectiveFrom = scheduledFrom })).JsonBodyAsync(HttpStatusCode.Created);
        var regulator = app.CreateClient(Roles.Regulator);

        var now = await regulator.GetAsync("/api/regulator/fee-list");
        Assert.Equal("/api/regulator/fee-list/versions/1", now.Content.Headers.ContentLocation?.OriginalString);
        Assert.Equal(await regulator.GetByteArrayAsync("/api/regulator/fee-list/versions/1"), await now.Content.ReadAsByteArrayAsync());
        // A keyed response is never stored by a shared cache (or a browser's).
        Assert.True(now.Headers.CacheControl!.Private && now.Headers.CacheControl.NoStore);

        var later = await regulator.GetAsync($"/api/regulator/fee-list?at={Uri.EscapeDataString(scheduledFrom.ToString("O"))}");
        Assert.Equal("/api/regulator/fee-list/versions/2", later.Content.Headers.ContentLocation?.OriginalString);
    }

    [Fact]
    public async Task UnknownVersionIs404AndBadAtIs400()
    {
        var app = shared.App;
        var regulator = app.CreateClient(Roles.Regulator);

        var missing = await (await regulator.GetAsync("/api/regulator/fee-list/versions/42")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("42", missing["detail"]!.GetValue<string>());
        await (await regulator.GetAsync("/api/regulator/fee-list/versions/42.csv")).ProblemAsync(HttpStatusCode.NotFound);
        var before = await (await regulator.GetAsync("/api/regulator/fee-list?at=2020-01-01")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("2020-01-01T00:00:00+08:00", before["detail"]!.GetValue<string>());
        Assert.Contains("ISO 8601", (await (await regulator.GetAsync("/api/regulator/fee-list?at=soon")).ValidationErrorsAsync("at"))[0]);
    }
}
