using System.Net;
using System.Text;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeeList;

public class PublicFeeListCsvTests
{
    private static readonly string[] CsvHeader =
    [
        "version", "kind", "code", "category", "name", "nameEn", "unit", "unitEn",
        "priceExcludingTax", "vatRate", "price", "paidBy", "pricingForm", "description", "legalBasis", "provider", "serviceArea",
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
}
