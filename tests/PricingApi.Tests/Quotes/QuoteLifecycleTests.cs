using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Quotes;

/// <summary>issued → cancelled, or issued → expired once the clock reaches validUntil.</summary>
public class QuoteLifecycleTests
{
    [Fact]
    public async Task CancellingAnIssuedQuoteMarksItCancelled()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff", "Counter 1");
        var number = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");
        // Kept to the millisecond like every other time of a quote: the clock's 0.1234567 s shows as .123.
        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromTicks(1_234_567));

        var cancelled = await (await staff.PostAsync($"/api/quotes/{number}/cancel", null)).JsonBodyAsync();
        var reread = await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync();

        Assert.Equal("cancelled", cancelled.Text("status"));
        Assert.Equal("2026-11-23T10:00:00.123+08:00", cancelled.Text("cancelledAt"));
        Assert.Equal("2026-11-23T10:00:00.123+08:00", reread.Text("cancelledAt"));
        Assert.Equal("cancelled", reread.Text("status"));
        Assert.Equal(265.00m, reread.Decimal("total"));
        // A cancelled quote stays cancelled, even past its validity.
        app.Clock.Advance(TimeSpan.FromDays(60));
        Assert.Equal("cancelled", (await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync()).Text("status"));
    }

    [Fact]
    public async Task CancellingACancelledQuoteIsRefusedWith409()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var number = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");
        await (await staff.PostAsync($"/api/quotes/{number}/cancel", null)).JsonBodyAsync();

        var again = await staff.PostAsync($"/api/quotes/{number}/cancel", null);

        var detail = (await again.ProblemAsync(HttpStatusCode.Conflict)).Text("detail");
        Assert.Equal($"Quote {number} was already cancelled at 2026-11-23T09:00:00+08:00.", detail);
    }

    [Fact]
    public async Task QuoteExpiresWhenTheClockReachesValidUntil()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var number = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");

        app.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        var lastSecond = await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync();

        Assert.Equal("issued", lastSecond.Text("status"));
        Assert.Equal("expired", expired.Text("status"));
        Assert.Equal("2026-12-23T09:00:00+08:00", expired.Text("validUntil"));
        Assert.Equal(265.00m, expired.Decimal("total"));
    }

    [Fact]
    public async Task CancellingAnExpiredQuoteIsRefusedWith409()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var number = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");
        app.Clock.Advance(TimeSpan.FromDays(31));

        var response = await staff.PostAsync($"/api/quotes/{number}/cancel", null);

        var detail = (await response.ProblemAsync(HttpStatusCode.Conflict)).Text("detail");
        Assert.Equal($"Quote {number} expired at 2026-12-23T09:00:00+08:00; an expired quote is void already and cannot be cancelled.", detail);
        Assert.Equal("expired", (await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync()).Text("status"));
    }

    [Fact]
    public async Task UnknownQuoteIs404ForReadCancelAndPrint()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");

        var read = await staff.GetAsync("/api/quotes/Q-2026-999999");
        var cancel = await staff.PostAsync("/api/quotes/Q-2026-999999/cancel", null);
        var print = await staff.GetAsync("/api/quotes/Q-2026-999999/print");

        Assert.Equal("There is no quote numbered 'Q-2026-999999'.", (await read.ProblemAsync(HttpStatusCode.NotFound)).Text("detail"));
        Assert.Equal("There is no quote numbered 'Q-2026-999999'.", (await cancel.ProblemAsync(HttpStatusCode.NotFound)).Text("detail"));
        Assert.Equal("There is no quote numbered 'Q-2026-999999'.", (await print.ProblemAsync(HttpStatusCode.NotFound)).Text("detail"));
    }
}
