using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Quotes;

public class QuotePrintTests
{
    [Fact]
    public async Task PrintedQuoteShowsWhatAPublishedChinesePriceMustShow()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        await staff.IssueAsync(("EXT-TANK-CLEAN-20", 2m), ("EXT-PIPE-FLUSH-DN50", 1.5m));

        var response = await staff.GetAsync("/api/quotes/Q-2026-000001/print");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("昆明自来水集团有限公司", html);
        Assert.Contains("延伸服务报价单", html);
        Assert.Contains("<strong>Q-2026-000001</strong>", html);
        Assert.Contains("二次供水水箱（池）清洗消毒（容积20立方米及以下）", html);
        Assert.Contains("<td>次 <span class=\"en\" lang=\"en\">per cleaning</span></td>", html);
        Assert.Contains("<td class=\"n\">1.5</td>", html);
        Assert.Contains("<td class=\"n\">954.00</td><td class=\"n\">1,908.00</td>", html);
        Assert.Contains("<td class=\"n\">699.60</td><td class=\"n\">1,049.40</td>", html);
        Assert.Contains("<td class=\"n\"><strong>2,957.40</strong></td>", html);
        Assert.Contains("收费目录清单第 1 版，自 2026年11月23日 09:00 起执行", html);
        Assert.Contains("昆水集技〔2022〕1号", html); // legal basis of the quoted items
        Assert.Contains("有效期至 <span class=\"en\" lang=\"en\">Valid until</span>: <strong>2026年12月23日 09:00</strong>", html);
        Assert.Contains("价格举报电话 <span class=\"en\" lang=\"en\">Price supervision</span>: 12315", html);
        Assert.DoesNotContain("已作废", html);
    }

    [Fact]
    public async Task PrintedQuoteEncodesEverythingTheClerkTyped()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var customer = QuoteRequests.Customer(name: "<script>alert('x')</script>").With("address", "\"><img src=x onerror=alert(1)>");
        await staff.IssueAsync(QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", customer));

        var response = await staff.GetAsync("/api/quotes/Q-2026-000001/print");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Equal(PricingApi.Tests.Charges.QuoteToChargeTests.PrintedPagePolicy(html), response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task PrintedCancelledOrExpiredQuoteSaysSo()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        await staff.IssueAsync(("EXT-TEST-9", 1m));
        await staff.IssueAsync(("EXT-TEST-9", 1m));
        await (await staff.PostAsync("/api/quotes/Q-2026-000001/cancel", null)).JsonBodyAsync();

        var cancelled = await staff.GetStringAsync("/api/quotes/Q-2026-000001/print");
        app.Clock.Advance(TimeSpan.FromDays(30));
        var expired = await staff.GetStringAsync("/api/quotes/Q-2026-000002/print");

        Assert.Contains("已作废 (Cancelled)", cancelled);
        Assert.Contains("已过期 (Expired)", expired);
    }
}
