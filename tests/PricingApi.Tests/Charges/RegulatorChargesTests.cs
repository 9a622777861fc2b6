using System.Net;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;

namespace PricingApi.Tests.Charges;

/// <summary>What regulators see of charges: every one, customers masked, and the compliance arithmetic.</summary>
public class RegulatorChargesTests
{
    [Fact]
    public async Task RegulatorsSeeChargesWithNameAndPhoneMaskedWhileStaffSeeThemInFull()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var regulator = app.CreateClient("regulator");
        var number = (await staff.ChargedQuoteAsync(("EXT-TEST-9", 2m))).Text("number");

        var page = await (await regulator.GetAsync("/api/regulator/charges")).JsonBodyAsync();
        var csv = await regulator.GetAsync("/api/regulator/charges.csv");
        var xlsx = await regulator.GetAsync("/api/regulator/charges.xlsx");
        var asStaff = await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync();

        Assert.Equal(1, page["totalCount"]!.GetValue<int>());
        var charge = page["items"]![0]!;
        Assert.Equal(number, charge.Text("quoteNumber"));
        Assert.Equal("张*", charge["customer"]!.Text("name"));
        Assert.Equal("138****5678", charge["customer"]!.Text("phone"));
        Assert.Equal("五华区", charge["customer"]!.Text("district"));
        Assert.Null(charge["customer"]!["address"]);
        Assert.Equal(530.00m, charge.Decimal("total"));
        Assert.Equal(265.00m, charge["lines"]![0]!.Decimal("unitPrice"));
        Assert.DoesNotContain("张三", page.ToJsonString());
        Assert.DoesNotContain("13812345678", page.ToJsonString());

        var rows = CsvReader.Parse(await csv.Content.ReadAsStringAsync());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, rows.Count);
        Assert.Equal([number, "张*", "138****5678", "EXT-TEST-9", "530.00"], new[] { rows[1][0], rows[1][2], rows[1][3], rows[1][6], rows[1][13] });

        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheets.Single();
        Assert.Equal(number, sheet.Cell(2, 1).GetString());
        Assert.Equal("张*", sheet.Cell(2, 3).GetString());
        Assert.Equal(530.00m, (decimal)sheet.Cell(2, 14).GetDouble());

        Assert.Equal("张三", asStaff["customer"]!.Text("name"));
        Assert.Equal("13812345678", asStaff["customer"]!.Text("phone"));
    }

    [Fact]
    public async Task ChargesAreFilteredByTimeAndPaged()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var regulator = app.CreateClient("regulator");
        var first = (await staff.ChargedQuoteAsync(("EXT-TEST-9", 1m))).Text("number");
        app.Clock.Advance(TimeSpan.FromDays(1));
        var second = (await staff.ChargedQuoteAsync(("EXT-TEST-9", 1m))).Text("number");
        var third = (await staff.ChargedQuoteAsync(("EXT-TEST-9", 1m))).Text("number");

        var early = await (await regulator.GetAsync("/api/regulator/charges?to=2026-11-24T00:00:00%2B08:00")).JsonBodyAsync();
        var late = await (await regulator.GetAsync("/api/regulator/charges?from=2026-11-24T00:00:00%2B08:00&pageSize=1&page=2")).JsonBodyAsync();
        var backwards = await regulator.GetAsync("/api/regulator/charges?from=2026-11-25T00:00:00%2B08:00&to=2026-11-24T00:00:00%2B08:00");
        var notATime = await regulator.GetAsync("/api/regulator/charges.csv?from=yesterday");

        Assert.Equal([first], early["items"]!.AsArray().Select(i => i!.Text("quoteNumber")));
        Assert.Equal(2, late["totalCount"]!.GetValue<int>());
        Assert.Equal([third], late["items"]!.AsArray().Select(i => i!.Text("quoteNumber")));
        Assert.NotEqual(second, third);
        Assert.Equal(["'to' must be later than 'from'."], await backwards.ValidationErrorsAsync("to"));
        Assert.NotEmpty(await notATime.ValidationErrorsAsync("from"));
    }

    [Fact]
    public async Task StaffCannotReadTheRegulatorsChargeViews()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/regulator/charges")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/regulator/charges/compliance")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/regulator/charges.csv")).StatusCode);
    }

    [Fact]
    public async Task ComplianceReportChecksEveryChargedLineAndItsArithmeticMatchesAnIndependentSum()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient("pricing-admin");
        var staff = app.CreateClient("staff");
        var regulator = app.CreateClient("regulator");
        // Quoted under version 1, then a cut (tank 800.00 → 848.00) and a rise (test 300.00 → 318.00) as version 2.
        var beforeChange = await staff.AcceptedQuoteAsync(("EXT-TANK-CLEAN-20", 2m), ("EXT-TEST-9", 3m), ("EXT-PIPE-FLUSH-DN50", 1.5m));
        await staff.ChargedQuoteAsync(("EXT-LEAK-DN50", 1m));
        await (await admin.PutJsonAsync("/api/admin/services/EXT-TANK-CLEAN-20", Requests.Extended("EXT-TANK-CLEAN-20", 820.00m, 800.00m))).JsonBodyAsync();
        await (await admin.PutJsonAsync("/api/admin/services/EXT-TEST-9", Requests.Extended("EXT-TEST-9", 300.00m, 300.00m).With("unit", "样"))).JsonBodyAsync();
        await app.PublishAsync(admin);
        await (await staff.CompleteAsync(beforeChange, ("EXT-TANK-CLEAN-20", 2m), ("EXT-TEST-9", 2m), ("EXT-PIPE-FLUSH-DN50", 1.7m))).JsonBodyAsync();
        await staff.ChargedQuoteAsync(("EXT-TEST-9", 1m), ("EXT-TANK-CLEAN-20", 1m));

        var report = await (await regulator.GetAsync("/api/regulator/charges/compliance")).JsonBodyAsync();
        var charges = await (await regulator.GetAsync("/api/regulator/charges?pageSize=200")).JsonBodyAsync();

        // Independently: the published prices the test set, by version, and each charged line's price from the list.
        var published = new Dictionary<int, Dictionary<string, decimal>>
        {
            [1] = new() { ["EXT-TANK-CLEAN-20"] = 954.00m, ["EXT-TEST-9"] = 265.00m, ["EXT-PIPE-FLUSH-DN50"] = 699.60m, ["EXT-LEAK-DN50"] = 572.25m },
            [2] = new() { ["EXT-TANK-CLEAN-20"] = 848.00m, ["EXT-TEST-9"] = 318.00m, ["EXT-PIPE-FLUSH-DN50"] = 699.60m, ["EXT-LEAK-DN50"] = 572.25m },
        };
        var lines = charges["items"]!.AsArray().SelectMany(c => c!["lines"]!.AsArray().Select(l => (Charge: c, Line: l!))).ToList();
        decimal ListPrice(JsonNode charge, string version, JsonNode line) => published[charge[version]!.GetValue<int>()][line.Text("serviceCode")];
        var expectedAmount = lines.Sum(x => Math.Round(
            Math.Min(ListPrice(x.Charge, "quotedFeeListVersion", x.Line), ListPrice(x.Charge, "feeListVersionAtCharge", x.Line)) * x.Line.Decimal("quantity"),
            2, MidpointRounding.AwayFromZero));
        var above = lines.Count(x => x.Line.Decimal("unitPrice") > ListPrice(x.Charge, "quotedFeeListVersion", x.Line)
                                     || x.Line.Decimal("unitPrice") > ListPrice(x.Charge, "feeListVersionAtCharge", x.Line));

        Assert.Equal(6, lines.Count);
        Assert.Equal(6, report["linesChecked"]!.GetValue<int>());
        // 572.25 + (848.00 × 2 + 265.00 × 2 + 699.60 × 1.7) + (318.00 + 848.00), worked by hand.
        Assert.Equal(5153.57m, expectedAmount);
        Assert.Equal(expectedAmount, report.Decimal("amountChecked"));
        Assert.Equal(0, above);
        Assert.Equal(0, report["linesAboveList"]!.GetValue<int>());
        Assert.True(report["complies"]!.GetValue<bool>());
        Assert.Empty(report["linesAbove"]!.AsArray());
    }
}
