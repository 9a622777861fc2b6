using System.Net;
using System.Text;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeeList;

/// <remarks>One service for the tests that only read; the one that publishes starts its own.</remarks>
public class PublicFeeListCsvTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    private static readonly string[] CsvHeader =
    [
        "version", "kind", "code", "category", "name", "nameEn", "unit", "unitEn",
        "priceExcludingTax", "vatRate", "price", "paidBy", "pricingForm", "description", "legalBasis", "provider", "serviceArea", "notice",
    ];

    [Fact]
    public async Task CsvIsUtf8WithBomAndHasOneRowPerServiceBasicAndExtended()
    {
        var app = shared.App;
        var response = await app.CreateAnonymousClient().GetAsync("/api/fee-list.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment; filename=\"fee-list-v1.csv\"", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = CsvReader.Parse(Encoding.UTF8.GetString(bytes[3..]));

        Assert.Equal(CsvHeader, rows[0]);
        Assert.Equal(1 + 8 + 21, rows.Count);
        Assert.Equal(8, rows.Count(r => r[1] == "basic"));
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
    public async Task InChineseTheCsvSaysWhichListItIsAndUsesChineseHeadersAndLabels()
    {
        var app = shared.App;
        var response = await app.CreateAnonymousClient().GetAsync("/api/fee-list.csv?lang=zh");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment; filename=\"fee-list-v1-zh.csv\"", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = CsvReader.Parse(Encoding.UTF8.GetString(bytes[3..]));

        Assert.Equal(["供水服务收费目录清单", "第1版"], rows[0]);
        Assert.Equal(["执行日期", "2026年11月23日 09:00"], rows[1]);
        Assert.Equal(["发布单位", "昆明自来水集团有限公司"], rows[2]);
        // The shipped sample says so, as its page does.
        Assert.Equal(["提示", "示例数据，非正式收费标准", "Sample data, not an official fee list: the prices and phone numbers are illustrative."], rows[3]);
        Assert.Equal(
            ["版本", "服务类型", "编号", "类别", "服务项目", "英文名称", "单位", "英文单位", "不含税价（元）", "增值税率", "含税价（元）", "费用承担", "价格形式", "服务内容", "收费依据", "经营者", "服务区域", "提示"],
            rows[4]);
        Assert.Equal(5 + 8 + 21, rows.Count);
        var services = rows.Skip(5).ToList();
        var tank = services.Single(r => r[2] == "EXT-TANK-CLEAN-20");
        Assert.Equal(["1", "延伸服务", "EXT-TANK-CLEAN-20", "清洗"], tank[..4]);
        Assert.Equal(["900.00", "6%", "954.00", "", "市场调节价"], tank[8..13]);
        Assert.Equal("9%", services.Single(r => r[2] == "EXT-LEAK-DN100")[9]);
        var apply = services.Single(r => r[2] == "BAS-APPLY");
        Assert.Equal(["基础服务", "供水企业承担"], new[] { apply[1], apply[11] });
    }

    [Fact]
    public async Task TheMachineCsvStaysTheDefaultAndAnUnknownLanguageIsRefusedByName()
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();

        var machine = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/api/fee-list.csv"))[3..]);
        var chinese = await client.GetAsync("/api/fee-list.csv?lang=zh");
        var refused = await client.GetAsync("/api/fee-list.csv?lang=fr");

        Assert.Equal(CsvHeader, CsvReader.Parse(machine)[0]);
        Assert.NotEqual((await client.GetAsync("/api/fee-list.csv")).Headers.ETag, chinese.Headers.ETag);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"lang\"", await refused.Content.ReadAsStringAsync());
    }
}
