using System.Net;
using Microsoft.EntityFrameworkCore;
using PricingApi.ApiKeys;
using PricingApi.Catalog;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;
using PricingApi.Publishing;
using PricingApi.FeeList;

namespace PricingApi.Tests.Publishing;

public class PublishingTests
{
    private const string Publish = "/api/admin/fee-list/versions";

    [Fact]
    public async Task PublishingARepricedCatalogMakesANewVersionAndLeavesTheOldOneAsItWas()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var anonymous = app.CreateAnonymousClient();
        var v1Before = await anonymous.GetByteArrayAsync("/api/fee-list/versions/1");
        await admin.PutJsonAsync("/api/admin/services/EXT-TANK-CLEAN-20", Requests.Extended("EXT-TANK-CLEAN-20", cost: 820m, priceExcludingTax: 880m));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var response = await admin.PostJsonAsync(Publish, new { });
        var published = await response.JsonBodyAsync(HttpStatusCode.Created);

        Assert.Equal(2, published["version"]!.GetValue<int>());
        Assert.Equal("/api/fee-list/versions/2", response.Headers.Location!.OriginalString);
        Assert.Equal("in-effect", published["status"]!.GetValue<string>());
        Assert.Equal(64, published["digest"]!.GetValue<string>().Length);

        var current = await (await anonymous.GetAsync("/api/fee-list")).JsonBodyAsync();
        Assert.Equal(2, current["version"]!.GetValue<int>());
        Assert.Equal(932.80m, Price(current, "EXT-TANK-CLEAN-20")); // 880 × 1.06
        Assert.Equal(v1Before, await anonymous.GetByteArrayAsync("/api/fee-list/versions/1"));

        var changes = await (await anonymous.GetAsync("/api/fee-list/versions/2/changes")).JsonBodyAsync();
        Assert.Equal(1, changes["previousVersion"]!.GetValue<int>());
        var repriced = Assert.Single(changes["repriced"]!.AsArray())!;
        Assert.Equal("EXT-TANK-CLEAN-20", repriced["code"]!.GetValue<string>());
        Assert.Equal(954.00m, repriced["oldPrice"]!.GetValue<decimal>());
        Assert.Equal(932.80m, repriced["newPrice"]!.GetValue<decimal>());
        Assert.Empty(changes["added"]!.AsArray());
        Assert.Empty(changes["removed"]!.AsArray());
    }

    /// <summary>
    /// 明码标价: a customer must tell every price apart. Two services of one name and unit at two prices (268.18 and 116.60
    /// for 水质常规9项检测 a 样) were published side by side; the publish is refused naming both, in Chinese by default.
    /// </summary>
    [Fact]
    public async Task TwoServicesOfOneNameAndUnitAreNotPublished()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin).WithoutAcceptLanguage();
        var seeded = await (await admin.GetAsync("/api/admin/services/EXT-TEST-9")).JsonBodyAsync();
        await (await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-TEST-9B")
            .With("name", seeded.Text("name") + " ").With("unit", seeded.Text("unit")))).JsonBodyAsync(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var problem = await (await admin.PostJsonAsync(Publish, new { })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal($"有延伸服务名称和计价单位相同，用户无法分辨适用哪个价格，不能发布：EXT-TEST-9, EXT-TEST-9B ({seeded.Text("name")}, {seeded.Text("unit")})。请在名称中写明区别（规格、范围等）。",
            problem.Text("detail"));
        Assert.Single((await (await admin.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray());

        // Told apart by its name, it is published.
        await (await admin.PutJsonAsync("/api/admin/services/EXT-TEST-9B", Requests.Extended("EXT-TEST-9B").With("name", seeded.Text("name") + "（加急）")
            .With("unit", seeded.Text("unit")))).JsonBodyAsync();
        await (await admin.PostJsonAsync(Publish, new { })).JsonBodyAsync(HttpStatusCode.Created);
    }

    /// <summary>A price changed with its unit says both units, in the changes and on the version's page: 636.00 a 百米 → 6.36 a 米 is no cut.</summary>
    [Fact]
    public async Task ARepricingThatChangesTheUnitSaysWhichUnitEachPriceIsFor()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var perMetre = Requests.Extended("EXT-PIPE-FLUSH-DN50", cost: 5.50m, priceExcludingTax: 6.00m).With("unit", "米").With("unitEn", "per metre");
        await (await admin.PutJsonAsync("/api/admin/services/EXT-PIPE-FLUSH-DN50", perMetre)).JsonBodyAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await admin.PostJsonAsync(Publish, new { })).JsonBodyAsync(HttpStatusCode.Created);

        var anonymous = app.CreateAnonymousClient();
        var changes = await (await anonymous.GetAsync("/api/fee-list/versions/2/changes")).JsonBodyAsync();
        var repriced = Assert.Single(changes["repriced"]!.AsArray())!;
        Assert.Equal("百米", repriced["oldUnit"]!.GetValue<string>());
        Assert.Equal("米", repriced["newUnit"]!.GetValue<string>());
        Assert.Equal("per metre", repriced["newUnitEn"]!.GetValue<string>());
        Assert.Equal(6.36m, repriced["newPrice"]!.GetValue<decimal>());

        var page = await anonymous.GetStringAsync("/fees/2");
        Assert.Contains($"{repriced["oldPrice"]!.GetValue<decimal>():0.00} / 百米", page);
        Assert.Contains("6.36 / 米 <span lang=\"en\">per metre</span>", page);
    }

    [Fact]
    public async Task ChangesListAddedAndRemovedServices()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-NEW"));
        await admin.DeleteAsync("/api/admin/services/EXT-PUMP-SEAL");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await admin.PostJsonAsync(Publish, new { })).JsonBodyAsync(HttpStatusCode.Created);

        var changes = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list/versions/2/changes")).JsonBodyAsync();

        Assert.Equal("EXT-NEW", Assert.Single(changes["added"]!.AsArray())!["code"]!.GetValue<string>());
        Assert.Equal("EXT-PUMP-SEAL", Assert.Single(changes["removed"]!.AsArray())!["code"]!.GetValue<string>());
        var first = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list/versions/1/changes")).JsonBodyAsync();
        Assert.Null(first["previousVersion"]);
        Assert.Equal(29, first["added"]!.AsArray().Count);
    }

    [Fact]
    public async Task AScheduledVersionTakesEffectAtItsTimeAndIsListedBeforeThen()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var anonymous = app.CreateAnonymousClient();
        await admin.PutJsonAsync("/api/admin/services/EXT-TEST-9", Requests.Extended("EXT-TEST-9", cost: 230m, priceExcludingTax: 240m));

        var scheduled = await (await admin.PostJsonAsync(Publish, new { effectiveFrom = "2026-12-01T00:00:00+08:00" })).JsonBodyAsync(HttpStatusCode.Created);
        Assert.Equal("scheduled", scheduled["status"]!.GetValue<string>());

        Assert.Equal(1, (await (await anonymous.GetAsync("/api/fee-list")).JsonBodyAsync())["version"]!.GetValue<int>());
        var versions = (await (await anonymous.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray();
        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal(["scheduled", "in-effect"], versions.Select(v => v!["status"]!.GetValue<string>()));
        Assert.Equal("2026-12-01T00:00:00+08:00", versions[0]!["effectiveFrom"]!.GetValue<string>());
        Assert.Equal(21, versions[0]!["extendedServiceCount"]!.GetValue<int>());

        var atNight = await (await anonymous.GetAsync("/api/fee-list?at=2026-11-30T23:59:59%2B08:00")).JsonBodyAsync();
        Assert.Equal(1, atNight["version"]!.GetValue<int>());
        var atMidnight = await (await anonymous.GetAsync("/api/fee-list?at=2026-12-01T00:00:00")).JsonBodyAsync(); // no offset: Beijing time
        Assert.Equal(2, atMidnight["version"]!.GetValue<int>());

        app.Clock.Set(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        var current = await (await anonymous.GetAsync("/api/fee-list")).JsonBodyAsync();
        Assert.Equal(2, current["version"]!.GetValue<int>());
        Assert.Equal(254.40m, Price(current, "EXT-TEST-9"));
    }

    [Fact]
    public async Task CacheLifetimeNeverRunsPastTheNextVersionsStart()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-CACHE"));
        await (await admin.PostJsonAsync(Publish, new { effectiveFrom = app.Clock.Now.AddSeconds(20) })).JsonBodyAsync(HttpStatusCode.Created);

        var response = await app.CreateAnonymousClient().GetAsync("/api/fee-list");

        Assert.Equal(TimeSpan.FromSeconds(20), response.Headers.CacheControl!.MaxAge);
        var version = await app.CreateAnonymousClient().GetAsync("/api/fee-list/versions/1");
        Assert.Contains("immutable", version.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task BackDatingIsRefused()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);

        var problem = await (await admin.PostJsonAsync(Publish, new { effectiveFrom = app.Clock.Now.AddMinutes(-1) }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("lies in the past", problem["detail"]!.GetValue<string>());
        Assert.Single((await (await admin.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray());
    }

    [Fact]
    public async Task AVersionMustTakeEffectStrictlyAfterEveryOtherVersion()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var december = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8));
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-ORDER-1"));
        await (await admin.PostJsonAsync(Publish, new { effectiveFrom = december })).JsonBodyAsync(HttpStatusCode.Created);
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-ORDER-2"));

        var same = await (await admin.PostJsonAsync(Publish, new { effectiveFrom = december })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("must be later than 2026-12-01T00:00:00+08:00", same["detail"]!.GetValue<string>());
        await (await admin.PostJsonAsync(Publish, new { effectiveFrom = december.AddDays(-1) })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        // Publishing "now" while a version is scheduled would put them out of order too.
        await (await admin.PostJsonAsync(Publish, new { })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        var later = await (await admin.PostJsonAsync(Publish, new { effectiveFrom = december.AddSeconds(1) })).JsonBodyAsync(HttpStatusCode.Created);
        Assert.Equal(3, later["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task PublishingIsRefusedWhileAnyExtendedServiceBreaksTheCap()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        // A row written before the cap was lowered, or by hand: the API itself would refuse it.
        await app.WithDbAsync(db => db.ExtendedServices.Where(e => e.Code == "EXT-VALVE-DN25")
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.PriceExcludingTax, 300m)));
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var problem = await (await admin.PostJsonAsync(Publish, new { })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("EXT-VALVE-DN25", problem["detail"]!.GetValue<string>());
        Assert.Contains("highest allowed price is 220.00", problem["detail"]!.GetValue<string>());
        Assert.Single((await (await admin.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray());
        var listed = await (await admin.GetAsync("/api/admin/services/EXT-VALVE-DN25")).JsonBodyAsync();
        Assert.False(listed["withinCap"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AnEmptyCatalogCannotBePublished()
    {
        await using var app = new PricingApiFactory(seed: false);
        var problem = await (await app.CreateClient(Roles.PricingAdmin).PostJsonAsync(Publish, new { })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("empty", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadPublishBodiesAreNamed400s()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);

        await (await admin.SendRawAsync(HttpMethod.Post, Publish, "{\"effectiveFrom\":\"next week\"}")).ValidationErrorsAsync("effectiveFrom");
        await (await admin.SendRawAsync(HttpMethod.Post, Publish, "{\"effectiveFrom\":")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PublishedVersionsCannotBeChangedEvenDirectlyInTheDatabase()
    {
        await using var app = new PricingApiFactory();

        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db =>
            db.FeeListVersions.ExecuteUpdateAsync(s => s.SetProperty(v => v.Document, "{}"))));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.FeeListVersions.ExecuteDeleteAsync()));

        var list = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list/versions/1")).JsonBodyAsync();
        Assert.Equal(21, list["extendedServices"]!.AsArray().Count);
    }

    [Fact]
    public async Task ConcurrentPublishesGetDistinctSequentialVersions()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var start = app.Clock.Now.AddDays(1);

        // Ten publishers race, each asking for its own future time after its own change; whichever order they commit
        // in, no number repeats or is skipped.
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            await admin.PostJsonAsync("/api/admin/services", Requests.Extended($"EXT-RACE-{i}"));
            return await admin.PostJsonAsync(Publish, new { effectiveFrom = start.AddMinutes(i) });
        }));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity }));
        var versions = (await (await admin.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray()
            .Select(v => v!["version"]!.GetValue<int>()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, created.Count + 1), versions);
    }

    private static decimal Price(System.Text.Json.Nodes.JsonNode list, string code) =>
        list["extendedServices"]!.AsArray().Single(e => e!["code"]!.GetValue<string>() == code)!["price"]!.GetValue<decimal>();
}
