using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Quotes;

public class QuoteNumberingTests
{
    [Fact]
    public async Task HundredConcurrentCreationsGetHundredDistinctNumbers()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var admin = app.CreateClient("pricing-admin");

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            (i % 2 == 0 ? staff : admin).PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m)))));

        var numbers = new List<string>();
        foreach (var response in responses)
        {
            numbers.Add((await response.JsonBodyAsync(HttpStatusCode.Created)).Text("number"));
        }

        Assert.Equal(100, numbers.Distinct().Count());
        // None skipped either: the counter only moves when a quote is saved.
        Assert.Equal(Enumerable.Range(1, 100).Select(n => $"Q-2026-{n:D6}"), numbers.Order(StringComparer.Ordinal));
        var page = await (await staff.GetAsync("/api/quotes?pageSize=1")).JsonBodyAsync();
        Assert.Equal(100, page["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task CancelledNumberIsNeverReused()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var first = await staff.IssueAsync(("EXT-TEST-9", 1m));
        await (await staff.PostAsync($"/api/quotes/{first.Text("number")}/cancel", null)).JsonBodyAsync();

        var second = await staff.IssueAsync(("EXT-TEST-9", 1m));

        Assert.Equal("Q-2026-000001", first.Text("number"));
        Assert.Equal("Q-2026-000002", second.Text("number"));
    }

    [Fact]
    public async Task RefusedQuoteTakesNoNumber()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        await (await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("BAS-APPLY", 1m)))).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        var quote = await staff.IssueAsync(("EXT-TEST-9", 1m));

        Assert.Equal("Q-2026-000001", quote.Text("number"));
    }

    [Fact]
    public async Task NumbersStartAgainInANewYearOfTheUtilitysZone()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        await staff.IssueAsync(("EXT-TEST-9", 1m));
        // 2027-01-01 00:30 in Kunming is still 2026 in UTC: the year is the utility's.
        app.Clock.Set(new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(8)));

        var quote = await staff.IssueAsync(("EXT-TEST-9", 1m));

        Assert.Equal("Q-2027-000001", quote.Text("number"));
    }
}
