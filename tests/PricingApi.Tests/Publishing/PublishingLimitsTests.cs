using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Publishing;

/// <summary>Issue 17, point 1: how far ahead a version may be scheduled, and "nothing changed".</summary>
public class PublishingLimitsTests
{
    private const string Publish = "/api/admin/fee-list/versions";

    [Fact]
    public async Task AFarFutureEffectiveFromIsRefusedAndTheListCanStillChange()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-LIMIT-1"));

        var typo = await (await admin.PostJsonAsync(Publish, new { effectiveFrom = "9999-12-30" })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("more than 366 days ahead", typo["detail"]!.GetValue<string>());
        var year = await (await admin.PostJsonAsync(Publish, new { effectiveFrom = "2062-12-01" })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("2062-12-01T00:00:00+08:00", year["detail"]!.GetValue<string>());
        Assert.Single((await (await admin.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray());

        // The limit is inclusive: exactly 366 days ahead is still a schedule.
        var edge = await (await admin.PostJsonAsync(Publish, new { effectiveFrom = app.Clock.Now.AddDays(366) })).JsonBodyAsync(HttpStatusCode.Created);
        Assert.Equal("scheduled", edge["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task MaxScheduleDaysIsConfigurable()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["Publishing:MaxScheduleDays"] = "30" });
        var admin = app.CreateClient(Roles.PricingAdmin);
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-LIMIT-2"));

        var problem = await (await admin.PostJsonAsync(Publish, new { effectiveFrom = app.Clock.Now.AddDays(31) })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("more than 30 days ahead", problem["detail"]!.GetValue<string>());
        await (await admin.PostJsonAsync(Publish, new { effectiveFrom = app.Clock.Now.AddDays(30) })).JsonBodyAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task PublishingAnUnchangedCatalogIsRefusedAsNothingChanged()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var problem = await (await admin.PostJsonAsync(Publish, new { })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("Nothing changed", problem["detail"]!.GetValue<string>());
        Assert.Contains("version 1", problem["detail"]!.GetValue<string>());
        Assert.Single((await (await admin.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray());
    }

    [Fact]
    public async Task FortyConcurrentPublishesOfOneChangeMakeOneVersion()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-RACE"));
        var start = app.Clock.Now.AddHours(1);

        // Each asks for its own time, so only "nothing changed" can refuse all but the first.
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            admin.PostJsonAsync(Publish, new { effectiveFrom = start.AddMinutes(i) })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("Nothing changed", problem["detail"]!.GetValue<string>());
        }

        var versions = (await (await admin.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray();
        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
    }
}
