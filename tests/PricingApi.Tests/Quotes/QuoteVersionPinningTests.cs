using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Quotes;

/// <summary>A quote keeps the prices of the version it was made from; later publications change only later quotes.</summary>
public class QuoteVersionPinningTests
{
    [Fact]
    public async Task LaterPriceChangeNeverAltersAnExistingQuote()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient("pricing-admin");
        var staff = app.CreateClient("staff");
        var before = await staff.IssueAsync(("EXT-TANK-CLEAN-20", 2m));

        // Reprice the item (and rename it) in the working catalog, then publish it as version 2.
        var repriced = Requests.Extended("EXT-TANK-CLEAN-20", cost: 1000.00m, priceExcludingTax: 1100.00m).With("name", "水箱清洗（新）");
        await (await admin.PutJsonAsync("/api/admin/services/EXT-TANK-CLEAN-20", repriced)).JsonBodyAsync();
        var unpublished = await staff.IssueAsync(("EXT-TANK-CLEAN-20", 2m));
        await app.PublishAsync(admin);
        var after = await staff.IssueAsync(("EXT-TANK-CLEAN-20", 2m));

        var reread = await (await staff.GetAsync($"/api/quotes/{before.Text("number")}")).JsonBodyAsync();
        Assert.Equal(1, reread["feeListVersion"]!.GetValue<int>());
        Assert.Equal(954.00m, reread["lines"]![0]!.Decimal("unitPrice"));
        Assert.Equal(1908.00m, reread.Decimal("total"));
        Assert.Equal("二次供水水箱（池）清洗消毒（容积20立方米及以下）", reread["lines"]![0]!.Text("name"));
        // An unpublished change is not a price anyone may quote.
        Assert.Equal(1, unpublished["feeListVersion"]!.GetValue<int>());
        Assert.Equal(1908.00m, unpublished.Decimal("total"));
        // 1100.00 × 1.06 = 1166.00
        Assert.Equal(2, after["feeListVersion"]!.GetValue<int>());
        Assert.Equal(1166.00m, after["lines"]![0]!.Decimal("unitPrice"));
        Assert.Equal(2332.00m, after.Decimal("total"));
        Assert.Equal("水箱清洗（新）", after["lines"]![0]!.Text("name"));

        var page = await staff.GetStringAsync($"/api/quotes/{before.Text("number")}/print");
        Assert.Contains("第 1 版", page);
        Assert.Contains("1,908.00", page);
    }

    [Fact]
    public async Task ScheduledVersionIsUsedOnlyOnceItTakesEffect()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient("pricing-admin");
        var staff = app.CreateClient("staff");
        var repriced = Requests.Extended("EXT-TEST-9", cost: 300.00m, priceExcludingTax: 300.00m);
        await (await admin.PutJsonAsync("/api/admin/services/EXT-TEST-9", repriced)).JsonBodyAsync();
        var publish = await admin.PostJsonAsync("/api/admin/fee-list/versions", new { effectiveFrom = "2026-12-01T00:00:00+08:00" });
        await publish.JsonBodyAsync(HttpStatusCode.Created);

        var early = await staff.IssueAsync(("EXT-TEST-9", 1m));
        app.Clock.Set(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        var onTime = await staff.IssueAsync(("EXT-TEST-9", 1m));

        Assert.Equal(1, early["feeListVersion"]!.GetValue<int>());
        Assert.Equal(265.00m, early.Decimal("total"));
        Assert.Equal(2, onTime["feeListVersion"]!.GetValue<int>());
        Assert.Equal(318.00m, onTime.Decimal("total"));
    }
}
