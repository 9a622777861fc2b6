using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Catalog;

/// <remarks>One service for the malformed and out-of-range requests, refused before anything is saved; every test that creates, updates, deletes or publishes starts its own.</remarks>
public class CatalogWriteTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    private const string Services = "/api/admin/services";

    [Fact]
    public async Task CreatingAnExtendedServiceReturnsItWithDerivedFigures()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);

        var response = await admin.PostJsonAsync(Services, Requests.Extended("EXT-NEW", cost: 820.00m, priceExcludingTax: 900.00m));
        var body = await response.JsonBodyAsync(HttpStatusCode.Created);

        Assert.Equal("/api/admin/services/EXT-NEW", response.Headers.Location!.OriginalString);
        Assert.Equal("extended", body["kind"]!.GetValue<string>());
        Assert.Equal(820.00m, body["cost"]!.GetValue<decimal>());
        Assert.Equal(954.00m, body["price"]!.GetValue<decimal>());
        Assert.Equal(902.00m, body["highestAllowedPrice"]!.GetValue<decimal>());
        Assert.Equal(0.097561m, body["costProfitRatio"]!.GetValue<decimal>());
        Assert.True(body["withinCap"]!.GetValue<bool>());
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);

        var stored = await admin.GetStringAsync("/api/admin/services/EXT-NEW"); // read back from the database
        Assert.Contains("\"materials\":820.00", stored);
        Assert.Contains("\"priceExcludingTax\":900.00", stored);
        Assert.Contains("\"costProfitRatio\":0.097561", stored);
    }

    [Fact]
    public async Task PriceAtTheExactCapIsAcceptedAndOneFenMoreIsRefusedNamingTheHighestPrice()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);

        var atCap = await admin.PostJsonAsync(Services, Requests.Extended("EXT-AT-CAP", cost: 10.01m, priceExcludingTax: 11.01m));
        await atCap.JsonBodyAsync(HttpStatusCode.Created);

        var over = await admin.PostJsonAsync(Services, Requests.Extended("EXT-OVER-CAP", cost: 10.01m, priceExcludingTax: 11.02m));
        var problem = await over.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("highest allowed price is 11.01", problem["detail"]!.GetValue<string>());

        var stored = await admin.GetAsync($"{Services}/EXT-OVER-CAP");
        await stored.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheCapComesFromConfiguration()
    {
        await using var app = new PricingApiFactory(seed: false, settings: new Dictionary<string, string?> { ["Pricing:CostProfitCap"] = "0.05" });
        var admin = app.CreateClient(Roles.PricingAdmin);

        var problem = await (await admin.PostJsonAsync(Services, Requests.Extended("EXT-A", cost: 100m, priceExcludingTax: 106m)))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("5% cost-profit cap", problem["detail"]!.GetValue<string>());
        Assert.Contains("highest allowed price is 105.00", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABasicServiceMustBeFreeAndNameWhoPays()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);

        var priced = await admin.PostJsonAsync(Services, Requests.Basic("BAS-PRICED").With("priceExcludingTax", 10m));
        var problem = await priced.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("free to the customer", problem["detail"]!.GetValue<string>());

        var noPayer = await admin.PostJsonAsync(Services, Requests.Basic("BAS-NOPAYER").Without("paidBy"));
        Assert.Contains("paidBy", (await noPayer.ValidationErrorsAsync("paidBy"))[0]);

        var withCost = await admin.PostJsonAsync(Services, Requests.Basic("BAS-COSTED").With("vatRate", 0.06m));
        Assert.Contains("only to extended services", (await withCost.ValidationErrorsAsync("vatRate"))[0]);

        var free = await (await admin.PostJsonAsync(Services, Requests.Basic("BAS-FREE", "government").With("price", 0m)))
            .JsonBodyAsync(HttpStatusCode.Created);
        Assert.Equal(0.00m, free["price"]!.GetValue<decimal>());
        Assert.Equal("government", free["paidBy"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("costBasis.materials", -1)]
    [InlineData("costBasis.labour", 0.001)]
    public async Task BadCostPartsAreNamed(string field, decimal value)
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);
        var body = Requests.Extended("EXT-BAD");
        ((Dictionary<string, object?>)body["costBasis"]!)[field.Split('.')[1]] = value;

        await (await admin.PostJsonAsync(Services, body)).ValidationErrorsAsync(field);
    }

    [Theory]
    [InlineData("vatRate", 1.5)]
    [InlineData("vatRate", -0.01)]
    [InlineData("priceExcludingTax", 0)]
    [InlineData("priceExcludingTax", 10.005)]
    public async Task OutOfRangeNumbersAreNamed(string field, decimal value)
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);

        await (await admin.PostJsonAsync(Services, Requests.Extended("EXT-BAD").With(field, value))).ValidationErrorsAsync(field);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("kind")]
    [InlineData("costBasis")]
    [InlineData("unit")]
    [InlineData("legalBasis")]
    public async Task MissingFieldsAreNamed(string field)
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);

        await (await admin.PostJsonAsync(Services, Requests.Extended("EXT-MISSING").Without(field))).ValidationErrorsAsync(field);
    }

    [Fact]
    public async Task MalformedJsonAndWrongTypesAreNamed400s()
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);

        await (await admin.SendRawAsync(HttpMethod.Post, Services, "{\"code\": ")).ProblemAsync(HttpStatusCode.BadRequest);
        var wrongType = await admin.SendRawAsync(HttpMethod.Post, Services, "{\"code\":\"EXT-X\",\"priceExcludingTax\":\"900\"}");
        Assert.Contains("priceExcludingTax", (await wrongType.ValidationErrorsAsync("priceExcludingTax"))[0]);
        var badEnum = await admin.SendRawAsync(HttpMethod.Post, Services, "{\"code\":\"EXT-X\",\"category\":\"gardening\"}");
        await badEnum.ValidationErrorsAsync("category");
    }

    [Fact]
    public async Task ADuplicateCodeIsAConflictAndTheFirstStaysAsItWas()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);

        var problem = await (await admin.PostJsonAsync(Services, Requests.Extended("EXT-TANK-CLEAN-20", cost: 10m, priceExcludingTax: 11m)))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("EXT-TANK-CLEAN-20", problem["detail"]!.GetValue<string>());

        var kept = await (await admin.GetAsync($"{Services}/EXT-TANK-CLEAN-20")).JsonBodyAsync();
        Assert.Equal(900.00m, kept["priceExcludingTax"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task UpdatingWithAStaleRevisionIsAConflictNotAnOverwrite()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var url = $"{Services}/EXT-NEW";
        await admin.PostJsonAsync(Services, Requests.Extended("EXT-NEW"));

        var first = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent(Requests.Extended("EXT-NEW", priceExcludingTax: 105m)) };
        first.Headers.IfMatch.ParseAdd("\"1\"");
        var updated = await (await admin.SendAsync(first)).JsonBodyAsync();
        Assert.Equal(2, updated["revision"]!.GetValue<int>());

        var second = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent(Requests.Extended("EXT-NEW", priceExcludingTax: 108m)) };
        second.Headers.IfMatch.ParseAdd("\"1\"");
        var problem = await (await admin.SendAsync(second)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("changed by someone else", problem["detail"]!.GetValue<string>());

        var kept = await (await admin.GetAsync(url)).JsonBodyAsync();
        Assert.Equal(105.00m, kept["priceExcludingTax"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task UpdateRulesNameTheProblem()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);

        await (await admin.PutJsonAsync($"{Services}/EXT-NOPE", Requests.Extended("EXT-NOPE"))).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync($"{Services}/EXT-TANK-CLEAN-20", Requests.Extended("EXT-OTHER"))).ValidationErrorsAsync("code");
        var kind = await (await admin.PutJsonAsync($"{Services}/EXT-TANK-CLEAN-20", Requests.Basic("EXT-TANK-CLEAN-20")))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("basic and extended services are kept apart", kind["detail"]!.GetValue<string>());
        var overCap = await (await admin.PutJsonAsync($"{Services}/EXT-TANK-CLEAN-20", Requests.Extended("EXT-TANK-CLEAN-20", cost: 820m, priceExcludingTax: 903m)))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("902.00", overCap["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeletingRemovesFromTheWorkingCatalogOnly()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{Services}/EXT-TANK-CLEAN-20")).StatusCode);
        await (await admin.GetAsync($"{Services}/EXT-TANK-CLEAN-20")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync($"{Services}/EXT-TANK-CLEAN-20")).ProblemAsync(HttpStatusCode.NotFound);

        var published = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list")).JsonBodyAsync();
        Assert.Contains(published["extendedServices"]!.AsArray(), e => e!["code"]!.GetValue<string>() == "EXT-TANK-CLEAN-20");
    }

    [Fact]
    public async Task WorkingCatalogChangesAreInvisibleToThePublicUntilPublished()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await admin.PostJsonAsync(Services, Requests.Extended("EXT-DRAFT"));

        var list = await admin.GetAsync(Services);
        Assert.Contains((await list.JsonBodyAsync()).AsArray(), s => s!["code"]!.GetValue<string>() == "EXT-DRAFT");
        var published = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list")).JsonBodyAsync();
        Assert.DoesNotContain(published["extendedServices"]!.AsArray(), e => e!["code"]!.GetValue<string>() == "EXT-DRAFT");
    }

    private static HttpContent JsonContent(object body) =>
        System.Net.Http.Json.JsonContent.Create(body, options: HttpAssertions.Json);
}
