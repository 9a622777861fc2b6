using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Publishing;

/// <summary>Issue 17, point 2: withdrawing a scheduled version before it takes effect.</summary>
public class WithdrawalTests
{
    private const string Publish = "/api/admin/fee-list/versions";
    private static readonly DateTimeOffset December10 = new(2026, 12, 10, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task AWithdrawnVersionIsPublicNeverInEffectAndLetsAnEarlierCorrectionThrough()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var anonymous = app.CreateAnonymousClient();
        // A price typed wrong (1100 for 110), announced for 10 December.
        await admin.PutJsonAsync("/api/admin/services/EXT-TEST-9", Requests.Extended("EXT-TEST-9", cost: 1000m, priceExcludingTax: 1100m));
        await (await admin.PostJsonAsync(Publish, new { effectiveFrom = December10 })).JsonBodyAsync(HttpStatusCode.Created);

        var withdrawn = await (await admin.PostJsonAsync($"{Publish}/2/withdrawal", new { reason = "价格录入错误 Price typed wrong" })).JsonBodyAsync();

        Assert.Equal("withdrawn", withdrawn["status"]!.GetValue<string>());
        Assert.Equal("价格录入错误 Price typed wrong", withdrawn["withdrawalReason"]!.GetValue<string>());
        // The correction may now take effect earlier than the withdrawn version would have.
        await admin.PutJsonAsync("/api/admin/services/EXT-TEST-9", Requests.Extended("EXT-TEST-9", cost: 100m, priceExcludingTax: 110m));
        var correction = await (await admin.PostJsonAsync(Publish, new { effectiveFrom = December10.AddDays(-5) })).JsonBodyAsync(HttpStatusCode.Created);
        Assert.Equal(3, correction["version"]!.GetValue<int>()); // the withdrawn number is never reused

        var versions = (await (await anonymous.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray();
        Assert.Equal([3, 2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal(["scheduled", "withdrawn", "in-effect"], versions.Select(v => v!["status"]!.GetValue<string>()));
        Assert.Equal("2026-11-23T09:00:00+08:00", versions[1]!["withdrawnAt"]!.GetValue<string>());
        Assert.Equal("价格录入错误 Price typed wrong", versions[1]!["withdrawalReason"]!.GetValue<string>());
        Assert.Null(versions[0]!["withdrawnAt"]);

        // Never in effect: on 10 December the correction (3) is in effect, not the withdrawn 2.
        app.Clock.Set(December10.AddHours(1));
        var current = await (await anonymous.GetAsync("/api/fee-list")).JsonBodyAsync();
        Assert.Equal(3, current["version"]!.GetValue<int>());
        var atTheWithdrawnTime = await (await anonymous.GetAsync("/api/fee-list?at=2026-12-04")).JsonBodyAsync();
        Assert.Equal(1, atTheWithdrawnTime["version"]!.GetValue<int>());

        // Its bytes stay published, and its page says it was withdrawn and why.
        var document = await (await anonymous.GetAsync("/api/fee-list/versions/2")).JsonBodyAsync();
        Assert.Equal(2, document["version"]!.GetValue<int>());
        var page = await anonymous.GetStringAsync("/fees/2");
        Assert.Contains("撤回", page);
        Assert.Contains("Withdrawn on", page);
        Assert.Contains("价格录入错误 Price typed wrong", page);
    }

    [Fact]
    public async Task AVersionInEffectCannotBeWithdrawn()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);

        var problem = await (await admin.PostJsonAsync($"{Publish}/1/withdrawal", new { reason = "too late" })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("took effect", problem["detail"]!.GetValue<string>());
        var versions = (await (await admin.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray();
        Assert.Equal("in-effect", versions[0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AScheduledVersionCannotBeWithdrawnOnceItsTimeHasCome()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-W-1"));
        await (await admin.PostJsonAsync(Publish, new { effectiveFrom = December10 })).JsonBodyAsync(HttpStatusCode.Created);
        app.Clock.Set(December10);

        await (await admin.PostJsonAsync($"{Publish}/2/withdrawal", new { reason = "too late" })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task WithdrawalsAreAuditedAndRefusedTwiceOrWithoutAReason()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin, "Admin Li");
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-W-2"));
        await (await admin.PostJsonAsync(Publish, new { effectiveFrom = December10 })).JsonBodyAsync(HttpStatusCode.Created);

        await (await admin.PostJsonAsync($"{Publish}/2/withdrawal", new { reason = "" })).ValidationErrorsAsync("reason");
        // Shown to the public beside the version: plain text only. PostgreSQL cannot store a NUL at all (a 500 there before).
        await (await admin.PostJsonAsync($"{Publish}/2/withdrawal", new { reason = "typo\u0000" })).ValidationErrorsAsync("reason");
        await (await admin.PostJsonAsync($"{Publish}/2/withdrawal", new { reason = "\u202Etypo" })).ValidationErrorsAsync("reason");
        await (await admin.PostJsonAsync($"{Publish}/9/withdrawal", new { reason = "typo" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostJsonAsync($"{Publish}/2/withdrawal", new { reason = "typo" })).JsonBodyAsync();
        var again = await (await admin.PostJsonAsync($"{Publish}/2/withdrawal", new { reason = "typo" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already been withdrawn", again["detail"]!.GetValue<string>());

        var regulator = app.CreateClient(Roles.Regulator);
        var audit = (await (await regulator.GetAsync("/api/regulator/audit?action=version-withdrawn")).JsonBodyAsync())["items"]!.AsArray();
        var entry = Assert.Single(audit)!;
        Assert.Equal("Admin Li", entry["actor"]!["name"]!.GetValue<string>());
        Assert.Equal("typo", entry["after"]!["withdrawalReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheChangesOfAVersionAreAgainstTheLatestEarlierVersionNotWithdrawn()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var anonymous = app.CreateAnonymousClient();
        await admin.PutJsonAsync("/api/admin/services/EXT-TEST-9", Requests.Extended("EXT-TEST-9", cost: 1000m, priceExcludingTax: 1100m));
        await (await admin.PostJsonAsync(Publish, new { effectiveFrom = December10 })).JsonBodyAsync(HttpStatusCode.Created);
        await admin.RepriceAsync("EXT-TEST-9", 1050m);
        await (await admin.PostJsonAsync(Publish, new { effectiveFrom = December10.AddDays(1) })).JsonBodyAsync(HttpStatusCode.Created);
        var before = await (await anonymous.GetAsync("/api/fee-list/versions/3/changes")).JsonBodyAsync();
        Assert.Equal(2, before["previousVersion"]!.GetValue<int>());

        await (await admin.PostJsonAsync($"{Publish}/2/withdrawal", new { reason = "价格录入错误 Price typed wrong" })).JsonBodyAsync();
        var response = await anonymous.GetAsync("/api/fee-list/versions/3/changes");
        var changes = await response.JsonBodyAsync();

        // Version 2 (1100) was never in effect: the public saw version 1's seeded price (250), so 3 is compared with 1.
        Assert.Equal(1, changes["previousVersion"]!.GetValue<int>());
        var repriced = Assert.Single(changes["repriced"]!.AsArray())!;
        Assert.Equal(250.00m, repriced["oldPriceExcludingTax"]!.GetValue<decimal>());
        Assert.Equal(1050.00m, repriced["newPriceExcludingTax"]!.GetValue<decimal>());
        // A later withdrawal can change the answer: cacheable for a while, not for good.
        Assert.DoesNotContain("immutable", response.Headers.CacheControl!.ToString());
    }
}
