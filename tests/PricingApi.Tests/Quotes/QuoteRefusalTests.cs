using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Quotes;

/// <summary>Every refusal: 422 for what breaks a rule (with a detail a clerk understands), 400 for malformed input. Nothing refused is saved.</summary>
public class QuoteRefusalTests
{
    [Fact]
    public async Task PostingQuoteWithUnknownCodeIsRefusedWith422()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");

        var response = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m), ("EXT-NO-SUCH", 1m)));

        var detail = (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail");
        Assert.Contains("Line 2", detail);
        Assert.Contains("'EXT-NO-SUCH' is not on the fee list in effect (version 1)", detail);
        await AssertNoQuotesAsync(staff);
    }

    [Fact]
    public async Task PostingQuoteWithWithdrawnCodeIsRefusedWith422AndEarlierQuotesKeepIt()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient("pricing-admin");
        var staff = app.CreateClient("staff");
        var earlier = await staff.IssueAsync(("EXT-TEST-97", 1m));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/services/EXT-TEST-97")).StatusCode);
        await app.PublishAsync(admin);

        var response = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-97", 1m)));

        var detail = (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail");
        Assert.Contains("'EXT-TEST-97' is not on the fee list in effect (version 2)", detail);
        Assert.Contains("withdrawn", detail);
        var kept = await (await staff.GetAsync($"/api/quotes/{earlier.Text("number")}")).JsonBodyAsync();
        Assert.Equal("EXT-TEST-97", kept["lines"]![0]!.Text("serviceCode"));
        Assert.Equal(8957.00m, kept.Decimal("total")); // 8450 × 1.06
    }

    [Fact]
    public async Task PostingQuoteWithBasicServiceIsRefusedWith422()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");

        var response = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("BAS-APPLY", 1m)));

        var detail = (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail");
        Assert.Contains("'BAS-APPLY' (供水报装受理) is a basic service", detail);
        Assert.Contains("基础服务免费", detail);
        Assert.Contains("free to the customer", detail);
        await AssertNoQuotesAsync(staff);
    }

    [Theory]
    [InlineData("呈贡区", "试点区域不含呈贡区")]
    [InlineData("昆明市呈贡区", "试点区域不含呈贡区")]
    [InlineData("晋宁区", "“晋宁区”不在延伸服务试点区域内")]
    public async Task PostingQuoteForDistrictOutsideTheAreaIsRefusedWith422SayingWhereTheAreaIs(string district, string why)
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese
        var body = QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer(district, street: null));

        var response = await staff.PostJsonAsync("/api/quotes", body);

        var detail = (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail");
        Assert.Contains(why, detail);
        Assert.Contains("延伸服务试点区域为昆明市主城区（不含呈贡区）三环范围内", detail);
        Assert.Contains("五华区（华山街道、护国街道", detail);
        await AssertNoQuotesAsync(staff);
    }

    [Fact]
    public async Task ServiceAreaIsConfigurable()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?>
        {
            ["ServiceArea:Description"] = "呈贡区试点",
            ["ServiceArea:City"] = "昆明市",
            ["ServiceArea:Districts:0:Name"] = "呈贡区",
            ["ServiceArea:Districts:0:Whole"] = "true",
        });
        var staff = app.CreateClient("staff").WithoutAcceptLanguage(); // the clerk's default: Chinese

        var inside = await staff.IssueAsync(QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer("呈贡", street: null)));
        var outside = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m)));

        Assert.Equal("呈贡区", inside["customer"]!.Text("district"));
        var detail = (await outside.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail");
        Assert.Contains("“五华区”不在延伸服务试点区域内", detail);
        Assert.Contains("呈贡区全域", detail);
    }

    [Fact]
    public async Task FractionalQuantityOfACountedUnitIsRefusedWith422()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");

        var response = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TANK-CLEAN-20", 0.5m)));

        var detail = (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail");
        Assert.Contains("'EXT-TANK-CLEAN-20' is priced per 次", detail);
        Assert.Contains("whole units; 0.5 is not", detail);
    }

    [Fact]
    public async Task EveryBrokenLineIsNamedInOneRefusal()
    {
        await using var app = new PricingApiFactory();

        var response = await app.CreateClient("staff").PostJsonAsync("/api/quotes",
            QuoteRequests.Quote(("BAS-METER", 1m), ("EXT-TEST-9", 1m), ("EXT-GONE", 2m)));

        var detail = (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail");
        Assert.Contains("Line 1: 'BAS-METER'", detail);
        Assert.Contains("Line 3: 'EXT-GONE'", detail);
        Assert.DoesNotContain("Line 2", detail);
    }

    private static async Task AssertNoQuotesAsync(HttpClient client)
    {
        var page = await (await client.GetAsync("/api/quotes")).JsonBodyAsync();
        Assert.Equal(0, page["totalCount"]!.GetValue<int>());
    }
}
