using System.Net;
using System.Text;
using ClosedXML.Excel;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;

namespace PricingApi.Tests.ServiceArea;

/// <summary>The area through the HTTP contract: served, published with each version, shown on the page and in the downloads, enforced on quotes.</summary>
/// <remarks>One service for the tests that read or are refused; the one that issues quotes starts its own.</remarks>
public class ServiceAreaTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Fact]
    public async Task ServiceAreaRouteServesTheAreaInForceMarkedUnconfirmed()
    {
        var app = shared.App;

        var area = await (await app.CreateAnonymousClient().GetAsync("/api/service-area")).JsonBodyAsync();

        Assert.Equal("昆明市主城区（不含呈贡区）三环范围内", area.Text("description"));
        Assert.False(area["confirmed"]!.GetValue<bool>());
        Assert.Contains("待昆明自来水集团确认", area.Text("note"));
        var wuhua = area["districts"]!.AsArray().Single(d => d!.Text("name") == "五华区")!;
        Assert.False(wuhua["whole"]!.GetValue<bool>());
        Assert.Contains("华山街道", wuhua["streets"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.DoesNotContain("西翥街道", wuhua["streets"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["呈贡区"], area["excluded"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task PublishedListCarriesTheAreaItWasPublishedWithAndEachServicesProvider()
    {
        var app = shared.App;

        var list = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list")).JsonBodyAsync();

        Assert.Equal("昆明市主城区（不含呈贡区）三环范围内", list["serviceArea"]!.Text("description"));
        Assert.Equal(4, list["serviceArea"]!["districts"]!.AsArray().Count);
        Assert.All(list["extendedServices"]!.AsArray(), s => Assert.Equal("水工集团", s!["provider"]!.Text("name")));
    }

    [Fact]
    public async Task PageAndDownloadsStateTheArea()
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();

        var page = await client.GetStringAsync("/fees");
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/api/fee-list.csv"));
        using var workbook = new XLWorkbook(new MemoryStream(await client.GetByteArrayAsync("/api/fee-list.xlsx")));

        Assert.Contains("延伸服务区域", page);
        Assert.Contains("昆明市主城区（不含呈贡区）三环范围内", page);
        Assert.Contains("五华区：华山街道、护国街道", page);
        Assert.Contains("不含 <span lang=\"en\">Excluded</span>：呈贡区", page);
        Assert.Contains("经营者 <span lang=\"en\">Provider</span>", page);
        Assert.Contains("provider,serviceArea", csv);
        Assert.Contains("水工集团,昆明市主城区（不含呈贡区）三环范围内：五华区（华山街道", csv);
        var about = workbook.Worksheet("说明 About");
        var row = about.RowsUsed().Single(r => r.Cell(1).GetString().StartsWith("延伸服务区域", StringComparison.Ordinal));
        Assert.StartsWith("昆明市主城区（不含呈贡区）三环范围内：五华区（华山街道", row.Cell(2).GetString());
        var extended = workbook.Worksheet("延伸服务 Extended");
        Assert.Equal("经营者 Provider", extended.Row(1).LastCellUsed().GetString());
        Assert.Equal("水工集团", extended.Row(2).LastCellUsed().GetString());
    }

    [Theory]
    [InlineData("昆明市五华区", "华山")]
    [InlineData("五华", "华山街道")]
    public async Task QuoteTakesTheDistrictAsPeopleWriteItAndStoresTheAreasNames(string district, string street)
    {
        await using var app = new PricingApiFactory();
        var body = QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer(district, street: street));

        var quote = await app.CreateClient("staff").IssueAsync(body);

        Assert.Equal("五华区", quote["customer"]!.Text("district"));
        Assert.Equal("华山街道", quote["customer"]!.Text("street"));
    }

    [Fact]
    public async Task QuoteInAPartialDistrictWithoutAStreetIsRefusedWith400NamingTheStreet()
    {
        var app = shared.App;
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese

        var response = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer("官渡区", street: null)));

        var errors = await response.ValidationErrorsAsync("customer.street");
        Assert.Contains("官渡区只有部分街道在延伸服务试点区域内", errors.Single());
        Assert.Equal(0, (await (await staff.GetAsync("/api/quotes")).JsonBodyAsync())["totalCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("五华区", "西翥街道", "“西翥街道”不在其中")]
    [InlineData("官渡区", "大板桥", "“大板桥”不在其中")]
    [InlineData("官渡区", "吴家营街道", "“吴家营街道”不在其中")] // an address in 呈贡区 typed as 官渡区
    [InlineData("经开区", "阿拉街道", "经开区是开发区，不是行政区")]
    public async Task QuoteOutsideTheAreaIsRefusedWith422SayingWhereTheAreaIs(string district, string street, string why)
    {
        var app = shared.App;
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese

        var response = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer(district, street: street)));

        var detail = (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail");
        Assert.Contains(why, detail);
        Assert.Contains("延伸服务试点区域为昆明市主城区（不含呈贡区）三环范围内：五华区（华山街道", detail);
        Assert.Equal(0, (await (await staff.GetAsync("/api/quotes")).JsonBodyAsync())["totalCount"]!.GetValue<int>());
    }
}
