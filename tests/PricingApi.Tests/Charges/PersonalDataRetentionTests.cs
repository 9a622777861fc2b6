using Microsoft.Extensions.DependencyInjection;
using PricingApi.Quotes;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;

namespace PricingApi.Tests.Charges;

/// <summary>Names, phones and addresses are kept for the retention period after a quote's last change of state, then erased; amounts stay.</summary>
public class PersonalDataRetentionTests
{
    [Fact]
    public async Task PersonalDataIsErasedOnlyAfterTheRetentionPeriodAndTheAmountsAndAnAuditEntryRemain()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var regulator = app.CreateClient("regulator");
        var completed = (await staff.ChargedQuoteAsync(("EXT-TEST-9", 2m))).Text("number");
        // Never accepted: its last change of state is its expiry, 30 days on.
        var expired = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");

        app.Clock.Advance(TimeSpan.FromDays(1095) - TimeSpan.FromSeconds(1));
        var early = await EraseAsync(app);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var due = await EraseAsync(app);
        var completedQuote = await (await staff.GetAsync($"/api/quotes/{completed}")).JsonBodyAsync();
        var expiredQuote = await (await staff.GetAsync($"/api/quotes/{expired}")).JsonBodyAsync();
        app.Clock.Advance(TimeSpan.FromDays(30));
        var later = await EraseAsync(app);
        var audit = await (await regulator.GetAsync("/api/regulator/audit?action=personal-data-erased")).JsonBodyAsync();

        Assert.Equal(0, early);
        Assert.Equal(1, due);
        Assert.Equal("", completedQuote["customer"]!.Text("name"));
        Assert.Equal("", completedQuote["customer"]!.Text("phone"));
        Assert.Equal("", completedQuote["customer"]!.Text("address"));
        Assert.Equal("五华区", completedQuote["customer"]!.Text("district"));
        Assert.Equal("2029-11-22T09:00:00+08:00", completedQuote.Text("personalDataErasedAt"));
        Assert.Equal(530.00m, completedQuote.Decimal("total"));
        Assert.Equal(530.00m, completedQuote["charge"]!.Decimal("total"));
        Assert.Equal("张三", expiredQuote["customer"]!.Text("name"));
        Assert.Equal(1, later);
        var entries = audit["items"]!.AsArray();
        Assert.Equal([expired, completed], entries.Select(e => e!.Text("subject")));
        Assert.DoesNotContain("张三", audit.ToJsonString());
        Assert.DoesNotContain("13812345678", audit.ToJsonString());
    }

    [Fact]
    public async Task ARetentionPeriodSetInConfigurationIsApplied()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["Quotes:PersonalDataRetentionDays"] = "10" });
        var staff = app.CreateClient("staff");
        var number = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");
        await (await staff.PostAsync($"/api/quotes/{number}/cancel", null)).JsonBodyAsync();

        app.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(1, await EraseAsync(app));
        Assert.Equal("", (await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync())["customer"]!.Text("name"));
    }

    private static async Task<int> EraseAsync(PricingApiFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PersonalDataEraser>().EraseDueAsync(CancellationToken.None);
    }
}
