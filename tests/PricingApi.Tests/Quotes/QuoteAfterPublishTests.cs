using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Quotes;

/// <summary>A quote made the moment a publish returns uses the version that publish put in effect.</summary>
public class QuoteAfterPublishTests
{
    [Fact]
    public async Task AQuoteInTheSameSecondAsAPublishUsesTheNewVersion()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var staff = app.CreateClient(Roles.Staff);
        await (await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-NEW", cost: 100m, priceExcludingTax: 110m))).JsonBodyAsync(HttpStatusCode.Created);
        await (await admin.PutJsonAsync("/api/admin/services/EXT-TEST-9", Requests.Extended("EXT-TEST-9", cost: 300m, priceExcludingTax: 300m))).JsonBodyAsync();

        // Publish "now" at 10:00:00.600; the quote follows 100 ms later, still inside the same second.
        app.Clock.Set(new DateTimeOffset(2026, 11, 23, 10, 0, 0, 600, TimeSpan.FromHours(8)));
        var published = await (await admin.PostJsonAsync("/api/admin/fee-list/versions", new { })).JsonBodyAsync(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromMilliseconds(100));
        var quote = await staff.IssueAsync(("EXT-NEW", 1m), ("EXT-TEST-9", 1m));

        Assert.Equal(published["version"]!.GetValue<int>(), quote["feeListVersion"]!.GetValue<int>());
        Assert.Equal(116.60m, quote["lines"]![0]!.Decimal("unitPrice"));
        Assert.Equal(318.00m, quote["lines"]![1]!.Decimal("unitPrice")); // the new price, not the old list's 265.00
        Assert.Equal("2026-11-23T10:00:00.7+08:00", quote.Text("createdAt"));
    }
}
