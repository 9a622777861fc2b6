using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PricingApi.Data;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;
using PricingApi.Quotes;

namespace PricingApi.Tests.Charges;

/// <summary>Every refusal from quote to charge, each with the words a counter clerk reads.</summary>
public class ChargeRefusalTests
{
    [Fact]
    public async Task AcceptingAnExpiredQuoteIsRefusedWith409()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var number = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");
        app.Clock.Advance(TimeSpan.FromDays(30));

        var problem = await (await staff.AcceptAsync(number)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("报价单无法确认。", problem.Text("title"));
        Assert.Equal($"报价单 {number} 已于 2026-12-23T09:00:00+08:00 过期，不能再确认或完工收费；请重新开具报价单。", problem.Text("detail"));
    }

    [Fact]
    public async Task AcceptingACancelledQuoteIsRefusedWith409()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var number = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");
        await (await staff.PostAsync($"/api/quotes/{number}/cancel", null)).JsonBodyAsync();

        var problem = await (await staff.AcceptAsync(number)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal($"报价单 {number} 已于 2026-11-23T09:00:00+08:00 作废，不能再确认或完工收费。", problem.Text("detail"));
    }

    [Fact]
    public async Task AcceptingTwiceWithoutTheSameKeyIsRefusedWith409()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var number = await staff.AcceptedQuoteAsync(("EXT-TEST-9", 1m));

        var problem = await (await staff.AcceptAsync(number, "another")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal($"报价单 {number} 已于 2026-11-23T09:00:00+08:00 由客户确认，无需再次确认。", problem.Text("detail"));
    }

    [Fact]
    public async Task CompletingAnExpiredAcceptedQuoteIsRefusedWith409()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var number = await staff.AcceptedQuoteAsync(("EXT-TEST-9", 1m));
        app.Clock.Advance(TimeSpan.FromDays(31));

        var problem = await (await staff.CompleteAsync(number, ("EXT-TEST-9", 1m))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("无法完工收费。", problem.Text("title"));
        Assert.Contains("已于 2026-12-23T09:00:00+08:00 过期", problem.Text("detail"));
        Assert.Equal("expired", (await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync()).Text("status"));
    }

    [Fact]
    public async Task CompletingACancelledQuoteIsRefusedWith409()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var number = await staff.AcceptedQuoteAsync(("EXT-TEST-9", 1m));
        await (await staff.PostAsync($"/api/quotes/{number}/cancel", null)).JsonBodyAsync();

        var problem = await (await staff.CompleteAsync(number, ("EXT-TEST-9", 1m))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("作废，不能再确认或完工收费", problem.Text("detail"));
        Assert.Null((await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync())["charge"]);
    }

    [Fact]
    public async Task CompletingAQuoteTheCustomerHasNotAcceptedIsRefusedWith409()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var number = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");

        var problem = await (await staff.CompleteAsync(number, ("EXT-TEST-9", 1m))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal($"报价单 {number} 尚未经客户确认，请先确认报价单再完工收费。", problem.Text("detail"));
    }

    [Fact]
    public async Task CompletingTwiceIsRefusedWith409AndTheFirstChargeStands()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var number = (await staff.ChargedQuoteAsync(("EXT-TEST-9", 2m))).Text("number");

        var problem = await (await staff.CompleteAsync(number, ("EXT-TEST-9", 1m))).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal($"报价单 {number} 已于 2026-11-23T09:00:00+08:00 完工收费，收费记录不能更改。", problem.Text("detail"));
        Assert.Equal(530.00m, (await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync())["charge"]!.Decimal("total"));
    }

    [Fact]
    public async Task CancellingACompletedQuoteIsRefusedWith409()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var number = (await staff.ChargedQuoteAsync(("EXT-TEST-9", 1m))).Text("number");

        var problem = await (await staff.PostAsync($"/api/quotes/{number}/cancel", null)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("报价单无法作废。", problem.Text("title"));
        Assert.Equal($"报价单 {number} 已于 2026-11-23T09:00:00+08:00 完工收费，不能作废。", problem.Text("detail"));
        Assert.Equal("completed", (await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync()).Text("status"));
    }

    [Fact]
    public async Task WorkThatIsNotOnTheQuoteOrBeyondItIsRefusedWith422NamingEachLine()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var number = await staff.AcceptedQuoteAsync(("EXT-TEST-9", 2m), ("EXT-PIPE-FLUSH-DN50", 2m));

        var response = await staff.CompleteAsync(number,
            ("EXT-TEST-9", 3m), ("EXT-PIPE-FLUSH-DN50", 2.41m), ("EXT-LEAK-DN50", 1m), ("EXT-TEST-9", 1m));

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("无法完工收费。", problem.Text("title"));
        Assert.Equal(
            "第 1 行：EXT-TEST-9 完工数量 3样 超过报价数量 2样；按次或按件计价的服务不能多于报价。 "
            + "第 2 行：EXT-PIPE-FLUSH-DN50 完工数量 2.41百米 超过报价数量的 20% 容差，最多 2.4百米；超出部分请重新报价。 "
            + "第 3 行：EXT-LEAK-DN50 不在报价单上，只能对报价单上的服务项目收费。 "
            + "第 4 行：EXT-TEST-9 重复填写，每个服务项目只填一行。",
            problem.Text("detail"));
        Assert.Equal("accepted", (await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync()).Text("status"));
    }

    [Fact]
    public async Task AFractionOfACountedServiceIsRefusedWith422()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var number = await staff.AcceptedQuoteAsync(("EXT-TEST-9", 2m));

        var problem = await (await staff.CompleteAsync(number, ("EXT-TEST-9", 1.5m))).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("第 1 行：EXT-TEST-9 按样计价，数量须为整数，1.5 不是整数。", problem.Text("detail"));
    }

    /// <summary>
    /// The largest quote can be completed whole: a service split over two lines on one completion line, and a measured
    /// service quoted at the line limit with its tolerance above it (a completion line was capped at the quote's limit).
    /// </summary>
    [Fact]
    public async Task TheLargestQuotesCanBeCompletedInFull()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var split = await staff.AcceptedQuoteAsync(("EXT-TEST-9", 5000m), ("EXT-TEST-9", 5000m));
        var measured = await staff.AcceptedQuoteAsync(("EXT-PIPE-FLUSH-DN50", 10000m));

        var whole = await (await staff.CompleteAsync(split, ("EXT-TEST-9", 10000m))).JsonBodyAsync();
        var over = await (await staff.CompleteAsync(measured, ("EXT-PIPE-FLUSH-DN50", 12000m))).JsonBodyAsync();

        Assert.Equal(10000m, whole["charge"]!["lines"]![0]!.Decimal("quantity"));
        Assert.Equal(12000m, over["charge"]!["lines"]![0]!.Decimal("quantity"));
        Assert.Equal("completed", over.Text("status"));
    }

    [Fact]
    public async Task AToleranceSetInConfigurationIsApplied()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["Quotes:CompletionTolerancePercent"] = "0" });
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var number = await staff.AcceptedQuoteAsync(("EXT-PIPE-FLUSH-DN50", 2m));

        var problem = await (await staff.CompleteAsync(number, ("EXT-PIPE-FLUSH-DN50", 2.01m))).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("超过报价数量的 0% 容差，最多 2百米", problem.Text("detail"));
    }

    [Fact]
    public async Task ACompletionCarryingPricesOrNoLinesIsA400()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var number = await staff.AcceptedQuoteAsync(("EXT-TEST-9", 1m));

        var priced = await staff.CompleteAsync(number, new { lines = new[] { new { serviceCode = "EXT-TEST-9", quantity = 1, unitPrice = 1.00 } } });
        var empty = await staff.CompleteAsync(number, new { lines = Array.Empty<object>() });
        var badKey = await staff.CompleteAsync(number, ChargeRequests.Completion(("EXT-TEST-9", 1m)), "with space");

        Assert.Contains("never 'unitPrice'", (await priced.ValidationErrorsAsync("lines[0].unitPrice")).Single());
        Assert.Equal("A completion needs at least one line of work done.", (await empty.ValidationErrorsAsync("lines")).Single());
        await badKey.ValidationErrorsAsync("Idempotency-Key");
        Assert.Equal("accepted", (await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync()).Text("status"));
    }

    [Fact]
    public async Task UnknownQuoteIs404ForAcceptCompleteAndReceipt()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese

        var accept = await staff.AcceptAsync("Q-2026-999999");
        var complete = await staff.CompleteAsync("Q-2026-999999", ("EXT-TEST-9", 1m));
        var receipt = await staff.GetAsync("/api/quotes/Q-2026-999999/receipt");

        foreach (var response in new[] { accept, complete, receipt })
        {
            Assert.Equal("没有编号为“Q-2026-999999”的报价单。", (await response.ProblemAsync(HttpStatusCode.NotFound)).Text("detail"));
        }
    }

    [Fact]
    public async Task AReceiptBeforeCompletionIsRefusedWith409()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var number = await staff.AcceptedQuoteAsync(("EXT-TEST-9", 1m));

        var problem = await (await staff.GetAsync($"/api/quotes/{number}/receipt")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal($"报价单 {number} 尚未完工收费，没有收费凭证。", problem.Text("detail"));
    }

    [Fact]
    public async Task RegulatorsCannotAcceptOrComplete()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var regulator = app.CreateClient("regulator");
        var number = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");

        Assert.Equal(HttpStatusCode.Forbidden, (await regulator.AcceptAsync(number)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await regulator.CompleteAsync(number, ("EXT-TEST-9", 1m))).StatusCode);
    }

    [Fact]
    public async Task TheDatabaseRefusesToChangeOrDeleteACharge()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        await staff.ChargedQuoteAsync(("EXT-TEST-9", 1m));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Charges.ExecuteUpdateAsync(s => s.SetProperty(c => c.Total, 0m)));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Set<PricingApi.Quotes.ChargeLine>().ExecuteUpdateAsync(s => s.SetProperty(l => l.UnitPrice, 0m)));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Set<PricingApi.Quotes.ChargeLine>().ExecuteDeleteAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => db.Charges.ExecuteDeleteAsync());
        Assert.Equal(265.00m, (await db.Charges.SingleAsync()).Total);
    }
}

/// <summary>
/// The group commit's last word on a completion: the request read the quote as accepted and unexpired, but by the time
/// its batch is written the quote may have been cancelled. The writer's conditional statement then changes nothing, and
/// the charge is not saved. It also guards the expiry (a charge time not before ValidUntil), which the request checks
/// first with the same time.
/// </summary>
public class CompletionWriteRaceTests
{
    [Fact]
    public async Task AQuoteCancelledOrExpiredBeforeTheBatchIsWrittenIsNotCompletedAndItsChargeIsNotSaved()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var cancelled = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");
        var open = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");
        foreach (var number in new[] { cancelled, open })
        {
            Assert.Equal(HttpStatusCode.OK, (await staff.AcceptAsync(number)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/quotes/{cancelled}/cancel", null)).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        var issuer = scope.ServiceProvider.GetRequiredService<QuoteIssuer>();
        var quotes = await db.Quotes.AsNoTracking().Where(q => q.Number == cancelled || q.Number == open).ToDictionaryAsync(q => q.Number);

        Assert.False(await issuer.TryIssueBatchAsync([], default, [ChargeOf(quotes[cancelled], app.Clock.Now)]));
        Assert.False(await issuer.TryIssueBatchAsync([], default, [ChargeOf(quotes[open], quotes[open].ValidUntil)]));
        // In one batch with a completion that may go ahead, the whole batch is refused (the writer then writes them one by one).
        Assert.False(await issuer.TryIssueBatchAsync([], default,
            [ChargeOf(quotes[open], quotes[open].ValidUntil.AddMilliseconds(-1)), ChargeOf(quotes[cancelled], app.Clock.Now)]));
        Assert.Equal(0, await db.Charges.CountAsync());
        Assert.Equal(QuoteStatus.Cancelled, (await db.Quotes.AsNoTracking().SingleAsync(q => q.Number == cancelled)).Status);

        // A millisecond before it expires, the same quote is completed: the refusals were for the state and the time.
        Assert.True(await issuer.TryIssueBatchAsync([], default, [ChargeOf(quotes[open], quotes[open].ValidUntil.AddMilliseconds(-1))]));
        var completed = await db.Quotes.AsNoTracking().SingleAsync(q => q.Number == open);
        Assert.Equal((QuoteStatus.Completed, quotes[open].ValidUntil.AddMilliseconds(-1)), (completed.Status, completed.CompletedAt));
        Assert.Equal(quotes[open].Id, (await db.Charges.SingleAsync()).QuoteId);
    }

    [Fact]
    public async Task OfACompletionAndACancellationSentTogetherExactlyOneWinsAndTheStoredStateAgrees()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var numbers = new List<string>();
        for (var i = 0; i < 24; i++)
        {
            numbers.Add(await staff.AcceptedQuoteAsync(("EXT-TEST-9", 1m)));
        }

        // Each quote's completion and cancellation go out at once, and all quotes together, so completions share batches.
        var outcomes = await Task.WhenAll(numbers.Select(async number =>
        {
            var completion = staff.CompleteAsync(number, ("EXT-TEST-9", 1m));
            var cancellation = staff.PostAsync($"/api/quotes/{number}/cancel", null);
            return (Number: number, Completed: (await completion).StatusCode, Cancelled: (await cancellation).StatusCode);
        }));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        foreach (var (number, completed, cancelled) in outcomes)
        {
            Assert.Contains((completed, cancelled), new[] { (HttpStatusCode.OK, HttpStatusCode.Conflict), (HttpStatusCode.Conflict, HttpStatusCode.OK) });
            var quote = await db.Quotes.AsNoTracking().Include(q => q.Charge).SingleAsync(q => q.Number == number);
            Assert.Equal(completed == HttpStatusCode.OK ? QuoteStatus.Completed : QuoteStatus.Cancelled, quote.Status);
            Assert.Equal(completed == HttpStatusCode.OK, quote.Charge is not null);
            Assert.Equal(completed == HttpStatusCode.OK, quote.CompletedAt is not null);
        }
    }

    private static Charge ChargeOf(Quote quote, DateTimeOffset at) => new()
    {
        QuoteId = quote.Id,
        ChargedAt = at,
        FeeListVersionAtCharge = quote.FeeListVersion,
        Total = 10m,
        ChargedBy = "柜台",
        ChargedByKeyId = "key",
        RequestHash = "",
        Lines =
        [
            new ChargeLine
            {
                LineNumber = 1, ServiceCode = "EXT-TEST-9", Quantity = 1m, QuotedUnitPrice = 10m, UnitPrice = 10m,
                FeeListVersion = quote.FeeListVersion, LineTotal = 10m,
            },
        ],
    };
}
