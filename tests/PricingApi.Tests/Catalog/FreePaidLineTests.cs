using System.Net;
using System.Text.Json.Nodes;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Catalog;

/// <summary>The line between free basic services and paid extended ones, tried as a careless or dishonest admin would.</summary>
/// <remarks>One service for the tests that read or are refused (each refusal saves nothing); the tests that add services, try to publish or start with their own seed or settings start their own.</remarks>
public class FreePaidLineTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    private const string Services = "/api/admin/services";

    [Fact]
    public async Task TheApplicationUnderAnotherNameIsRefusedNamingTheBasicServiceAndNothingIsPublished()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);

        var response = await admin.PostJsonAsync(Services, Requests.Extended("EXT-APPLY-FEE", cost: 558m, priceExcludingTax: 579m).With("name", "供水报装受理费"));
        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("供水报装受理", problem["detail"]!.GetValue<string>());
        Assert.Contains("BAS-APPLY", problem["detail"]!.GetValue<string>());
        await (await admin.GetAsync($"{Services}/EXT-APPLY-FEE")).ProblemAsync(HttpStatusCode.NotFound);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        // The refused service left the working catalog as it was: there is nothing to publish.
        var publish = await (await admin.PostJsonAsync("/api/admin/fee-list/versions", new { })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("Nothing changed", publish["detail"]!.GetValue<string>());
        var list = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list")).JsonBodyAsync();
        Assert.DoesNotContain(list["extendedServices"]!.AsArray(), e => e!["code"]!.GetValue<string>() == "EXT-APPLY-FEE");
    }

    [Fact]
    public async Task MetersSoldAsAnExtendedServiceAreRefused()
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);

        var problem = await (await admin.PostJsonAsync(Services, Requests.Extended("EXT-METER").With("name", "贸易结算水表购置及安装")))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("BAS-METER", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnExtendedServiceMayNotTakeTheCodeOfABasicServiceEvenOneNotInTheCatalog()
    {
        await using var app = new PricingApiFactory(seed: false);
        var admin = app.CreateClient(Roles.PricingAdmin);

        var problem = await (await admin.PostJsonAsync(Services, Requests.Extended("BAS-METER"))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("BAS-METER", problem["detail"]!.GetValue<string>());
        Assert.Contains("贸易结算计量装置购置及安装", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnExtendedServiceMayNotTakeTheNameOfABasicServiceOfTheWorkingCatalog()
    {
        await using var app = new PricingApiFactory(seed: false);
        var admin = app.CreateClient(Roles.PricingAdmin);
        await (await admin.PostJsonAsync(Services, Requests.Basic("BAS-HOTLINE").With("name", "报修热线受理"))).JsonBodyAsync(HttpStatusCode.Created);

        var problem = await (await admin.PostJsonAsync(Services, Requests.Extended("EXT-HOTLINE").With("name", "报修热线受理（加急）")))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("BAS-HOTLINE", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnExtendedServiceOnAClauseThatMakesTheServiceFreeIsRefusedNamingTheClause()
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);

        var problem = await (await admin.PostJsonAsync(Services, Requests.Extended("EXT-FREE-BASIS").With("legalBasis", "gbh-2020-129/water-connection")))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("gbh-2020-129/water-connection", problem["detail"]!.GetValue<string>());
        Assert.Contains("国办函〔2020〕129号", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABasicServiceOnAClauseThatAllowsAChargeIsRefused()
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);

        var problem = await (await admin.PostJsonAsync(Services, Requests.Basic("BAS-PAID-BASIS").With("legalBasis", "kunming-2022-1/3.9")))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("kunming-2022-1/3.9", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("x")]
    [InlineData("昆水集技〔2022〕1号")]
    [InlineData("changchun-xinqu-2022/4.1.1-service")] // another city's document
    public async Task ALegalBasisOutsideTheRegisterIsA400(string legalBasis)
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);

        var errors = await (await admin.PostJsonAsync(Services, Requests.Extended("EXT-X").With("legalBasis", legalBasis))).ValidationErrorsAsync("legalBasis");
        Assert.Contains("/api/admin/legal-bases", errors[0]);
    }

    [Fact]
    public async Task AVatRateOutsideTheStatutoryOnesAndAGovernmentSetFormAreRefused()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);

        var vat = await (await admin.PostJsonAsync(Services, Requests.Extended("EXT-VAT", vatRate: 0.5m))).ValidationErrorsAsync("vatRate");
        Assert.Contains("0.06, 0.09, 0.13", vat[0]);
        var form = await (await admin.PostJsonAsync(Services, Requests.Extended("EXT-FORM").With("pricingForm", "government-set"))).ValidationErrorsAsync("pricingForm");
        Assert.Contains("market-regulated", form[0]);

        foreach (var rate in new[] { 0.06m, 0.09m, 0.13m })
        {
            await (await admin.PostJsonAsync(Services, Requests.Extended($"EXT-VAT-{rate * 100:0}", vatRate: rate))).JsonBodyAsync(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task VatRatesAndPricingFormsComeFromConfiguration()
    {
        await using var app = new PricingApiFactory(seed: false, settings: new Dictionary<string, string?>
        {
            ["Pricing:VatRates:0"] = "0.03",
            ["Pricing:ExtendedPricingForms:0"] = "MarketRegulated",
            ["Pricing:ExtendedPricingForms:1"] = "GovernmentGuided",
        });
        var admin = app.CreateClient(Roles.PricingAdmin);

        await (await admin.PostJsonAsync(Services, Requests.Extended("EXT-SMALL", vatRate: 0.03m).With("pricingForm", "government-guided"))).JsonBodyAsync(HttpStatusCode.Created);
        var errors = await (await admin.PostJsonAsync(Services, Requests.Extended("EXT-SIX", vatRate: 0.06m))).ValidationErrorsAsync("vatRate");
        Assert.Contains("0.03", errors[0]);
    }

    [Fact]
    public async Task TheRegisterIsListedForPricingAdminsOnly()
    {
        var app = shared.App;

        var register = await (await app.CreateClient(Roles.PricingAdmin).GetAsync("/api/admin/legal-bases")).JsonBodyAsync();
        var extended = register.AsArray().Single(c => c!["id"]!.GetValue<string>() == "kunming-2022-1/3.9")!;
        Assert.False(extended["makesFree"]!.GetValue<bool>());
        Assert.Contains("昆水集技〔2022〕1号", extended["citation"]!.GetValue<string>());
        var metering = register.AsArray().Single(c => c!["id"]!.GetValue<string>() == "gbh-2020-129/metering")!;
        Assert.True(metering["makesFree"]!.GetValue<bool>());
        Assert.Contains("BAS-METER", metering["basicServices"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.DoesNotContain(register.AsArray(), c => c!["id"]!.GetValue<string>().StartsWith("changchun", StringComparison.Ordinal));

        await (await app.CreateClient(Roles.Staff).GetAsync("/api/admin/legal-bases")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ThePublishedListShowsTheFullCitationAndThePageThePricingFormAndTheSampleBanner()
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();

        var list = await (await client.GetAsync("/api/fee-list")).JsonBodyAsync();
        var tank = list["extendedServices"]!.AsArray().Single(e => e!["code"]!.GetValue<string>() == "EXT-TANK-CLEAN-20")!;
        Assert.Equal("《昆明自来水集团有限公司持续优化2022年营商环境工作实施方案》（昆水集技〔2022〕1号）三（九）试点开展延伸服务", tank["legalBasis"]!.GetValue<string>());
        Assert.True(list["sample"]!.GetValue<bool>());

        var page = await client.GetStringAsync("/fees");
        Assert.Contains("示例数据，非正式收费标准", page);
        Assert.Contains("<span class=\"price\">954.00</span><span class=\"sub pricing-form\">市场调节价", page);
    }

    /// <summary>
    /// Only the seeder's version was marked, so one edit to the seed published its other illustrative prices as the
    /// official list. The mark now carries over until a publish says the prices are the utility's own.
    /// </summary>
    [Fact]
    public async Task AListPublishedFromTheSampleCatalogStaysMarkedUntilAPublishSaysOtherwise()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var anonymous = app.CreateAnonymousClient();
        async Task<JsonNode> PublishAfterAnEditAsync(decimal price, object body)
        {
            await (await admin.PutJsonAsync($"{Services}/EXT-TEST-9", Requests.Extended("EXT-TEST-9", cost: 200m, priceExcludingTax: price).With("unit", "样"))).JsonBodyAsync();
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await (await admin.PostJsonAsync("/api/admin/fee-list/versions", body)).JsonBodyAsync(HttpStatusCode.Created);
            return await (await anonymous.GetAsync("/api/fee-list")).JsonBodyAsync();
        }

        var edited = await PublishAfterAnEditAsync(210m, new { });
        Assert.Equal(2, edited["version"]!.GetValue<int>());
        Assert.True(edited["sample"]!.GetValue<bool>());
        Assert.Contains("示例数据，非正式收费标准", await anonymous.GetStringAsync("/fees"));

        var official = await PublishAfterAnEditAsync(215m, new { sample = false });
        Assert.Null(official["sample"]);
        Assert.DoesNotContain("示例数据", await anonymous.GetStringAsync("/fees"));

        var later = await PublishAfterAnEditAsync(218m, new { });
        Assert.Equal(4, later["version"]!.GetValue<int>());
        Assert.Null(later["sample"]);
    }

    [Fact]
    public async Task AListPublishedFromARealCatalogIsNotMarkedSample()
    {
        await using var app = new PricingApiFactory(seed: false);
        var admin = app.CreateClient(Roles.PricingAdmin);
        await (await admin.PostJsonAsync(Services, Requests.Extended("EXT-REAL"))).JsonBodyAsync(HttpStatusCode.Created);
        await (await admin.PostJsonAsync("/api/admin/fee-list/versions", new { })).JsonBodyAsync(HttpStatusCode.Created);

        var text = await app.CreateAnonymousClient().GetStringAsync("/api/fee-list");
        Assert.DoesNotContain("\"sample\"", text);
        Assert.DoesNotContain("示例数据", await app.CreateAnonymousClient().GetStringAsync("/fees"));
    }
}
