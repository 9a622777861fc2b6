using System.Net;
using System.Text;
using ClosedXML.Excel;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeeList;

public class FeeListDownloadTests
{
    private static readonly string[] CsvHeader =
    [
        "version", "kind", "code", "category", "name", "nameEn", "unit", "unitEn",
        "priceExcludingTax", "vatRate", "price", "paidBy", "pricingForm", "description", "legalBasis",
    ];

    [Fact]
    public async Task CsvIsUtf8WithBomAndHasOneRowPerServiceBasicAndExtended()
    {
        await using var app = new PricingApiFactory();
        var response = await app.CreateAnonymousClient().GetAsync("/api/fee-list.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment; filename=\"fee-list-v1.csv\"", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = CsvReader.Parse(Encoding.UTF8.GetString(bytes[3..]));

        Assert.Equal(CsvHeader, rows[0]);
        Assert.Equal(1 + 9 + 21, rows.Count);
        Assert.Equal(9, rows.Count(r => r[1] == "basic"));
        Assert.Equal(21, rows.Count(r => r[1] == "extended"));
        Assert.Equal(
            ["1", "basic", "BAS-APPLY", "", "供水报装受理", "Connection application", "", "", "0.00", "", "0.00", "utility", ""],
            rows.Single(r => r[2] == "BAS-APPLY")[..13]);
        Assert.Equal(
            ["1", "extended", "EXT-TANK-CLEAN-20", "cleaning", "二次供水水箱（池）清洗消毒（容积20立方米及以下）", "Secondary-supply tank cleaning and disinfection (up to 20 m³)",
                "次", "per cleaning", "900.00", "0.06", "954.00", "", "market-regulated"],
            rows.Single(r => r[2] == "EXT-TANK-CLEAN-20")[..13]);
        Assert.Equal("1264.40", rows.Single(r => r[2] == "EXT-LEAK-DN100")[10]);
        Assert.Equal("0.09", rows.Single(r => r[2] == "EXT-LEAK-DN100")[9]);
    }

    [Fact]
    public async Task CsvQuotesCommasQuotesAndLineBreaksAndDisarmsFormulas()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateAdmin();
        await admin.AddServiceAsync(Requests.Extended("EXT-TEST-CSV")
            .With("name", "=HYPERLINK(\"http://example.invalid\",\"点此\")")
            .With("description", "含\"引号\"，逗号, 以及\r\n换行"));
        app.Clock.Advance(TimeSpan.FromHours(1)); // a version takes effect later than the one before
        await admin.PublishAsync();

        var bytes = await app.CreateAnonymousClient().GetByteArrayAsync("/api/fee-list.csv");
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var row = CsvReader.Parse(text).Single(r => r[2] == "EXT-TEST-CSV");

        Assert.Equal("'=HYPERLINK(\"http://example.invalid\",\"点此\")", row[4]);
        Assert.Equal("含\"引号\"，逗号, 以及\r\n换行", row[13]);
        Assert.Contains(",\"含\"\"引号\"\"，逗号, 以及\r\n换行\",", text);
    }

    [Fact]
    public async Task WorkbookHoldsBothListsWithBilingualHeadersAndMoneyAsNumbers()
    {
        await using var app = new PricingApiFactory();
        var response = await app.CreateAnonymousClient().GetAsync("/api/fee-list.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=\"fee-list-v1.xlsx\"", response.Content.Headers.ContentDisposition?.ToString());
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        Assert.Equal(["基础服务 Basic", "延伸服务 Extended", "说明 About"], workbook.Worksheets.Select(s => s.Name));
        var extended = workbook.Worksheet("延伸服务 Extended");
        Assert.Equal(1, extended.SheetView.SplitRow);
        Assert.Equal("含税价（元） Price incl. VAT (CNY)", extended.Cell(1, 7).GetString());
        Assert.Equal(1 + 21, extended.LastRowUsed().RowNumber());
        var tank = extended.RowsUsed().Single(r => r.Cell(1).GetString() == "EXT-TANK-CLEAN-20");
        Assert.Equal("清洗 Cleaning", tank.Cell(2).GetString());
        Assert.Equal("per cleaning", tank.Cell(6).GetString());
        Assert.Equal(XLDataType.Number, tank.Cell(7).DataType);
        Assert.Equal(954.00m, tank.Cell(7).GetValue<decimal>());
        Assert.Equal("0.00", tank.Cell(7).Style.NumberFormat.Format);
        Assert.Equal(0.06m, tank.Cell(8).GetValue<decimal>());
        Assert.Equal("0%", tank.Cell(8).Style.NumberFormat.Format);
        Assert.Equal(900.00m, tank.Cell(9).GetValue<decimal>());
        Assert.Equal("市场调节价 Market-regulated", tank.Cell(10).GetString());

        var basic = workbook.Worksheet("基础服务 Basic");
        Assert.Equal(1 + 9, basic.LastRowUsed().RowNumber());
        var development = basic.RowsUsed().Single(r => r.Cell(1).GetString() == "BAS-METER-DEVELOPMENT");
        Assert.Equal(0m, development.Cell(4).GetValue<decimal>());
        Assert.Equal("开发建设单位承担 Paid by the developer", development.Cell(5).GetString());

        var about = workbook.Worksheet("说明 About");
        Assert.Equal("昆明自来水集团有限公司 Kunming Water Supply Group Co., Ltd.", about.Cell(1, 2).GetString());
        Assert.Equal("12315", about.Cell(6, 2).GetString());
        Assert.Equal(XLDataType.Text, about.Cell(6, 2).DataType);
    }

    [Theory]
    [InlineData("/api/fee-list.csv")]
    [InlineData("/api/fee-list.xlsx")]
    public async Task DownloadsHaveStrongETagsAndIfNoneMatchGives304(string path)
    {
        await using var app = new PricingApiFactory();
        var client = app.CreateAnonymousClient();

        var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());

        var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag);
        var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task APastVersionCanBeDownloadedAndIsImmutable()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateAdmin();
        await admin.RepriceAsync("EXT-TANK-CLEAN-20", 880.00m);
        app.Clock.Advance(TimeSpan.FromHours(1)); // a version takes effect later than the one before
        await admin.PublishAsync();
        var client = app.CreateAnonymousClient();

        var current = CsvReader.Parse(Encoding.UTF8.GetString((await client.GetByteArrayAsync("/api/fee-list.csv"))[3..]));
        var past = await client.GetAsync("/api/fee-list.csv?version=1");
        var pastRows = CsvReader.Parse(Encoding.UTF8.GetString((await past.Content.ReadAsByteArrayAsync())[3..]));

        Assert.Equal("932.80", current.Single(r => r[2] == "EXT-TANK-CLEAN-20")[10]);
        Assert.Equal("954.00", pastRows.Single(r => r[2] == "EXT-TANK-CLEAN-20")[10]);
        Assert.Equal("attachment; filename=\"fee-list-v1.csv\"", past.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal("public, max-age=31536000, immutable", past.Headers.CacheControl?.ToString());
        var workbook = await client.GetAsync("/api/fee-list.xlsx?version=1");
        Assert.Equal("attachment; filename=\"fee-list-v1.xlsx\"", workbook.Content.Headers.ContentDisposition?.ToString());
    }

    [Fact]
    public async Task UnknownVersionOrNoListInEffectIs404Problem()
    {
        await using var app = new PricingApiFactory();
        var problem = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list.xlsx?version=7")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No fee-list version 7 has been published.", problem["detail"]!.GetValue<string>());
        await (await app.CreateAnonymousClient().GetAsync("/api/fee-list.csv?version=x")).ValidationErrorsAsync("version");

        await using var empty = new PricingApiFactory(seed: false);
        var none = await (await empty.CreateAnonymousClient().GetAsync("/api/fee-list.csv")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No fee list is in effect yet.", none["detail"]!.GetValue<string>());
    }
}
