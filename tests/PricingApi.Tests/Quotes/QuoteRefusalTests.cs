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
    [InlineData("呈贡区")]
    [InlineData("晋宁区")]
    public async Task PostingQuoteForDistrictOutsideThePilotAreaIsRefusedWith422(string district)
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var body = QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer(district));

        var response = await staff.PostJsonAsync("/api/quotes", body);

        var detail = (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail");
        Assert.Contains("pilot area (延伸服务试点区域): 五华区、盘龙区、官渡区、西山区", detail);
        Assert.Contains($"'{district}' is outside it", detail);
        await AssertNoQuotesAsync(staff);
    }

    [Fact]
    public async Task PilotAreaIsConfigurable()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?>
        {
            ["Quotes:PilotDistricts:0"] = "呈贡区",
            ["Quotes:PilotDistricts:1"] = "安宁市",
        });
        var staff = app.CreateClient("staff");

        var inside = await staff.IssueAsync(QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer("呈贡区")));
        var outside = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m)));

        Assert.Equal("呈贡区", inside["customer"]!.Text("district"));
        var detail = (await outside.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail");
        Assert.Contains("呈贡区、安宁市", detail);
        Assert.Contains("'五华区' is outside it", detail);
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
