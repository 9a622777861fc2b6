using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Quotes;

/// <remarks>One service for the refused queries; every test that issues quotes starts its own.</remarks>
public class QuoteListTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Fact]
    public async Task ListIsNewestFirstAndPaged()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        for (var i = 0; i < 5; i++)
        {
            await staff.IssueAsync(("EXT-TEST-9", 1m), ("EXT-TEST-SAMPLING", 1m));
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await (await staff.GetAsync("/api/quotes?page=1&pageSize=2")).JsonBodyAsync();
        var last = await (await staff.GetAsync("/api/quotes?page=3&pageSize=2")).JsonBodyAsync();

        Assert.Equal(["Q-2026-000005", "Q-2026-000004"], first["items"]!.AsArray().Select(q => q!.Text("number")));
        Assert.Equal(5, first["totalCount"]!.GetValue<int>());
        Assert.Equal(2, first["pageSize"]!.GetValue<int>());
        Assert.Equal(2, first["items"]![0]!["lineCount"]!.GetValue<int>());
        Assert.Equal(434.60m, first["items"]![0]!.Decimal("total")); // 265.00 + 169.60
        Assert.Null(first["items"]![0]!["lines"]);
        Assert.Equal(["Q-2026-000001"], last["items"]!.AsArray().Select(q => q!.Text("number")));
        Assert.Equal(3, last["page"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListFiltersByStatusWithExpiryReadOffTheClock()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["Quotes:ValidityDays"] = "10" });
        var staff = app.CreateClient("staff");
        var old = await staff.IssueAsync(("EXT-TEST-9", 1m));             // expires on day 10
        var cancelled = await staff.IssueAsync(("EXT-TEST-9", 1m));
        await (await staff.PostAsync($"/api/quotes/{cancelled.Text("number")}/cancel", null)).JsonBodyAsync();
        app.Clock.Advance(TimeSpan.FromDays(5));
        var current = await staff.IssueAsync(("EXT-TEST-9", 1m));         // expires on day 15
        app.Clock.Advance(TimeSpan.FromDays(6));

        Assert.Equal([current.Text("number")], await NumbersAsync(staff, "?status=issued"));
        Assert.Equal([old.Text("number")], await NumbersAsync(staff, "?status=expired"));
        Assert.Equal([cancelled.Text("number")], await NumbersAsync(staff, "?status=cancelled"));
        var all = await (await staff.GetAsync("/api/quotes")).JsonBodyAsync();
        Assert.Equal(["issued", "cancelled", "expired"], all["items"]!.AsArray().Select(q => q!.Text("status")));
    }

    [Fact]
    public async Task ListFiltersByPartOfTheCustomersNameOrPhone()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var zhang = await staff.IssueAsync(QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer(name: "张三", phone: "13812345678")));
        var li = await staff.IssueAsync(QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer(name: "李四", phone: "0871-63123456")));

        Assert.Equal([zhang.Text("number")], await NumbersAsync(staff, "?customer=" + Uri.EscapeDataString("张")));
        Assert.Equal([li.Text("number")], await NumbersAsync(staff, "?customer=63123456"));
        Assert.Equal([li.Text("number")], await NumbersAsync(staff, "?customer=" + Uri.EscapeDataString("李四") + "&status=issued"));
        Assert.Empty(await NumbersAsync(staff, "?customer=" + Uri.EscapeDataString("王五")));
    }

    [Theory]
    [InlineData("?status=void", "status")]
    [InlineData("?status=Issued", "status")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?page=0", "page")]
    public async Task BadListQueryIsRefusedWith400(string query, string field)
    {
        var app = shared.App;

        var response = await app.CreateClient("staff").GetAsync("/api/quotes" + query);

        Assert.NotEmpty(await response.ValidationErrorsAsync(field));
    }

    private static async Task<List<string>> NumbersAsync(HttpClient client, string query)
    {
        var page = await (await client.GetAsync("/api/quotes" + query)).JsonBodyAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(q => q!.Text("number")).ToList();
    }
}
