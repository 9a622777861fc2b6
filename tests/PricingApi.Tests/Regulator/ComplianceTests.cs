using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Regulator;

public class ComplianceTests
{
    [Fact]
    public async Task ReportGivesEachServicesCostPriceRatioHighestPriceAndVerdictToTheDecimal()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await RegulatorSteps.CreateAsync(admin, RegulatorSteps.ItemisedService("EXT-AT-CAP", 903.13m));
        await RegulatorSteps.CreateAsync(admin, Requests.Extended("EXT-HALF-CAP", cost: 33.33m, priceExcludingTax: 35.00m));
        var published = await RegulatorSteps.PublishAsync(app, admin);

        var report = await (await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/compliance")).JsonBodyAsync();

        Assert.Equal(2, report["version"]!.GetValue<int>());
        Assert.Equal(published["digest"]!.GetValue<string>(), report["digest"]!.GetValue<string>());
        Assert.Equal(0.10m, report["costProfitCap"]!.GetValue<decimal>());
        Assert.True(report["compliant"]!.GetValue<bool>());
        Assert.Equal(0, report["breachCount"]!.GetValue<int>());
        var lines = report["extendedServices"]!.AsArray();
        Assert.Equal(published["extendedServiceCount"]!.GetValue<int>(), lines.Count);
        Assert.All(lines, l => Assert.True(l!["withinCap"]!.GetValue<bool>()));

        var atCap = lines.Single(l => l!["code"]!.GetValue<string>() == "EXT-AT-CAP")!;
        Assert.Equal(821.03m, atCap["cost"]!.GetValue<decimal>());
        Assert.Equal(903.13m, atCap["priceExcludingTax"]!.GetValue<decimal>());
        Assert.Equal(0.099996m, atCap["costProfitRatio"]!.GetValue<decimal>());
        Assert.Equal(903.13m, atCap["highestAllowedPrice"]!.GetValue<decimal>()); // 821.03 × 1.10 = 903.133
        Assert.Equal("测试清洗 EXT-AT-CAP", atCap["name"]!.GetValue<string>());

        var halfCap = lines.Single(l => l!["code"]!.GetValue<string>() == "EXT-HALF-CAP")!;
        Assert.Equal(33.33m, halfCap["cost"]!.GetValue<decimal>());
        Assert.Equal(0.050105m, halfCap["costProfitRatio"]!.GetValue<decimal>()); // 1.67 ÷ 33.33
        Assert.Equal(36.66m, halfCap["highestAllowedPrice"]!.GetValue<decimal>()); // 36.663
    }

    [Fact]
    public async Task VersionParameterReportsAnOlderVersionAndTheDefaultIsTheOneInEffect()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await RegulatorSteps.CreateAsync(admin, Requests.Extended("EXT-NEW-IN-2"));
        await RegulatorSteps.PublishAsync(app, admin);
        var regulator = app.CreateClient(Roles.Regulator);

        var v1 = await (await regulator.GetAsync("/api/regulator/compliance?version=1")).JsonBodyAsync();
        var current = await (await regulator.GetAsync("/api/regulator/compliance")).JsonBodyAsync();

        Assert.Equal(1, v1["version"]!.GetValue<int>());
        Assert.DoesNotContain(v1["extendedServices"]!.AsArray(), l => l!["code"]!.GetValue<string>() == "EXT-NEW-IN-2");
        Assert.Equal(2, current["version"]!.GetValue<int>());
        Assert.Contains(current["extendedServices"]!.AsArray(), l => l!["code"]!.GetValue<string>() == "EXT-NEW-IN-2");
    }

    [Fact]
    public async Task TheCapReportedIsTheOneTheVersionWasPublishedUnder()
    {
        // Published under a 10% cap, then read by a second instance configured with 5%: the version's own cap applies.
        await using var publisher = new PricingApiFactory();
        publisher.CreateAnonymousClient(); // starts it: migrates, seeds and publishes version 1
        await using var app = new PricingApiFactory(
            settings: new Dictionary<string, string?> { ["Pricing:CostProfitCap"] = "0.05" },
            shareDatabaseWith: publisher);

        var report = await (await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/compliance?version=1")).JsonBodyAsync();

        Assert.Equal(0.10m, report["costProfitCap"]!.GetValue<decimal>());
        Assert.True(report["compliant"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UnknownVersionIs404AndAnUnchangedReportIs304()
    {
        await using var app = new PricingApiFactory();
        var regulator = app.CreateClient(Roles.Regulator);

        var problem = await (await regulator.GetAsync("/api/regulator/compliance?version=7")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("7", problem["detail"]!.GetValue<string>());

        var first = await regulator.GetAsync("/api/regulator/compliance");
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/regulator/compliance?version=1");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await regulator.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task WithNoVersionInEffectTheReportIs404()
    {
        await using var app = new PricingApiFactory(seed: false);

        var problem = await (await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/compliance")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("?version=", problem["detail"]!.GetValue<string>());
    }
}
