using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Quotes;

public class QuoteCreationTests
{
    [Fact]
    public async Task PostingQuoteIssuesItWithPricesFromTheListInEffectAndTotalsToTheFen()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");

        var response = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(
            ("EXT-TANK-CLEAN-20", 2m),      // 954.00 × 2
            ("EXT-PIPE-FLUSH-DN50", 1.33m), // 699.60 × 1.33 = 930.468 → 930.47 (per 百米: 133 m)
            ("EXT-LEAK-DN25", 3m),          // 332.45 × 3
            ("EXT-TEST-SINGLE", 5m)));      // 51.94 × 5
        var text = await response.Content.ReadAsStringAsync();
        var quote = await response.JsonBodyAsync(HttpStatusCode.Created);

        Assert.Equal("Q-2026-000001", quote.Text("number"));
        Assert.Equal("/api/quotes/Q-2026-000001", response.Headers.Location!.OriginalString);
        Assert.Equal("issued", quote.Text("status"));
        Assert.Equal(1, quote["feeListVersion"]!.GetValue<int>());
        Assert.Equal("2026-11-23T09:00:00+08:00", quote.Text("createdAt"));
        Assert.Equal("2026-12-23T09:00:00+08:00", quote.Text("validUntil"));
        Assert.Equal("CNY", quote.Text("currency"));
        Assert.Equal("五华区", quote["customer"]!.Text("district"));
        var lines = quote["lines"]!.AsArray();
        Assert.Equal([954.00m, 699.60m, 332.45m, 51.94m], lines.Select(l => l!.Decimal("unitPrice")));
        Assert.Equal([1908.00m, 930.47m, 997.35m, 259.70m], lines.Select(l => l!.Decimal("lineTotal")));
        Assert.Equal(4095.52m, quote.Decimal("total"));
        Assert.Equal("百米", lines[1]!.Text("unit"));
        Assert.Equal("二次供水水箱（池）清洗消毒（容积20立方米及以下）", lines[0]!.Text("name"));
        Assert.Contains("\"unitPrice\":954.00", text);
        Assert.Contains("\"quantity\":2,", text);
        Assert.Contains("\"total\":4095.52", text);

        var read = await (await staff.GetAsync("/api/quotes/Q-2026-000001")).JsonBodyAsync();
        Assert.Equal(4095.52m, read.Decimal("total"));
        Assert.Equal(1.33m, read["lines"]![1]!.Decimal("quantity"));
        Assert.Equal(930.47m, read["lines"]![1]!.Decimal("lineTotal"));
    }

    [Fact]
    public async Task LineTotalRoundsHalfUpNotToEven()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient("pricing-admin");
        // 10.01 × 1.06 = 10.6106 → 10.61 per 百米; × 2.5 = 26.525, which is 26.53 half-up (banker's rounding would give 26.52).
        var service = Requests.Extended("EXT-TEST-METRE", cost: 10.00m, priceExcludingTax: 10.01m).With("unit", "百米").With("unitEn", "per 100 m");
        await (await admin.PostJsonAsync("/api/admin/services", service)).JsonBodyAsync(HttpStatusCode.Created);
        await app.PublishAsync(admin);

        var quote = await app.CreateClient("staff").IssueAsync(("EXT-TEST-METRE", 2.5m), ("EXT-TEST-METRE", 0.01m));

        Assert.Equal(2, quote["feeListVersion"]!.GetValue<int>());
        Assert.Equal(10.61m, quote["lines"]![0]!.Decimal("unitPrice"));
        Assert.Equal(26.53m, quote["lines"]![0]!.Decimal("lineTotal"));
        Assert.Equal(0.11m, quote["lines"]![1]!.Decimal("lineTotal")); // 0.1061 → 0.11
        Assert.Equal(26.64m, quote.Decimal("total"));
    }

    [Fact]
    public async Task PricingAdminMayAlsoIssueAQuoteAndItsKeyNameIsRecorded()
    {
        await using var app = new PricingApiFactory();

        var quote = await app.CreateClient("pricing-admin", "Counter 3").IssueAsync(("EXT-TEST-9", 1m));

        Assert.Equal("Counter 3", quote.Text("createdBy"));
        Assert.Equal(265.00m, quote.Decimal("total"));
    }

    [Fact]
    public async Task CustomerFieldsAreTrimmedAndTheCodeMatchedAfterTrimming()
    {
        await using var app = new PricingApiFactory();
        var body = QuoteRequests.Quote(("  EXT-TEST-9 ", 1m))
            .With("customer", QuoteRequests.Customer(district: " 盘龙区 ", name: "  李四 ", street: " 拓东 "));

        var quote = await app.CreateClient("staff").IssueAsync(body);

        Assert.Equal("李四", quote["customer"]!.Text("name"));
        Assert.Equal("盘龙区", quote["customer"]!.Text("district"));
        Assert.Equal("拓东街道", quote["customer"]!.Text("street"));
        Assert.Equal("EXT-TEST-9", quote["lines"]![0]!.Text("serviceCode"));
    }

    [Fact]
    public async Task ValidityPeriodIsConfigurable()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["Quotes:ValidityDays"] = "7" });

        var quote = await app.CreateClient("staff").IssueAsync(("EXT-TEST-9", 1m));

        Assert.Equal("2026-11-30T09:00:00+08:00", quote.Text("validUntil"));
    }

    [Fact]
    public async Task QuoteRoutesAppearInTheOpenApiDocument()
    {
        await using var app = new PricingApiFactory();

        var document = await (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).JsonBodyAsync();

        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/quotes"));
        Assert.True(paths.ContainsKey("/api/quotes/{number}/cancel"));
        Assert.True(paths.ContainsKey("/api/quotes/{number}/print"));
        Assert.NotNull(paths["/api/quotes"]!["post"]!["responses"]!["422"]);
    }
}
