using System.Text.Json.Nodes;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Connections;

/// <summary>The HTTP contract of POST /api/connections/assessments (API.md), for anonymous callers.</summary>
/// <remarks>An assessment saves nothing: one service for the class.</remarks>
public class ConnectionAssessmentTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    public const string Url = "/api/connections/assessments";

    public static Dictionary<string, object?> Body(int dn = 40, decimal length = 200m, string customerType = "non-residential", string? development = null) => new()
    {
        ["meterDiameterMm"] = dn,
        ["externalPipeLengthM"] = length,
        ["customerType"] = customerType,
        ["development"] = development,
    };

    public static Dictionary<string, object?> Factory(bool pipeWorks = false, bool onPlatform = true) => new()
    {
        ["connectionKind"] = "new",
        ["hasExternalPipeWorks"] = pipeWorks,
        ["projectDataOnGovernmentPlatform"] = onPlatform,
        ["buildingType"] = "standard-factory",
        ["totalFloorAreaM2"] = 8000m,
        ["buildingHeightM"] = 18m,
        ["involvesHazardousGoods"] = false,
    };

    /// <summary>Assesses <paramref name="body"/> on <paramref name="app"/> (an assessment saves nothing, so a class's tests may share one).</summary>
    public static async Task<JsonNode> AssessAsync(PricingApiFactory app, Dictionary<string, object?> body) =>
        await (await app.CreateAnonymousClient().PostJsonAsync(Url, body)).JsonBodyAsync();

    public static string[] Strings(JsonNode? array) => array!.AsArray().Select(s => s!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Dn40With200MetresIsFreeForAnyoneWithoutAKey()
    {
        var app = shared.App;
        var response = await app.CreateAnonymousClient().PostJsonAsync(Url, Body());
        var text = await response.Content.ReadAsStringAsync();
        var body = await response.JsonBodyAsync();

        Assert.True(body["connectionFree"]!.GetValue<bool>());
        Assert.Contains("\"applicationFee\":0.00", text); // money with two decimals
        Assert.Equal("utility", body["meterPaidBy"]!.GetValue<string>());
        Assert.Empty(body["exceeded"]!.AsArray());
        var reasons = Strings(body["reasons"]);
        Assert.Equal(3, reasons.Length);
        Assert.Equal("供水报装受理不收取任何费用，申请费为 0 元。", reasons[0]);
        Assert.Contains("属于小型项目免费接入", reasons[1]);
        Assert.Equal(reasons.Length, Strings(body["reasonsEn"]).Length);
        Assert.Equal("Applying for a connection is free: the application fee is 0 yuan.", Strings(body["reasonsEn"])[0]);
        Assert.Null(body["category"]); // no project described, no project answer
        Assert.Null(body["stages"]);
    }

    [Fact]
    public async Task Dn50IsNotFreeAndTheAnswerSaysTheDiameterBoundWasExceededBy10Mm()
    {
        var body = await AssessAsync(shared.App, Body(dn: 50));

        Assert.False(body["connectionFree"]!.GetValue<bool>());
        Assert.Equal(0m, body["applicationFee"]!.GetValue<decimal>());
        var exceeded = Assert.Single(body["exceeded"]!.AsArray())!;
        Assert.Equal("meter-diameter", exceeded["bound"]!.GetValue<string>());
        Assert.Equal(40m, exceeded["limit"]!.GetValue<decimal>());
        Assert.Equal(50m, exceeded["actual"]!.GetValue<decimal>());
        Assert.Equal(10m, exceeded["excess"]!.GetValue<decimal>());
        Assert.Equal("mm", exceeded["unit"]!.GetValue<string>());
        Assert.Contains("接水装表口径 DN50 大于免费接入上限 DN40（大 10 毫米）。", Strings(body["reasons"]));
    }

    [Fact]
    public async Task PipeOf200Point01MetresIsNotFreeAndTheAnswerSaysByHowMuch()
    {
        var body = await AssessAsync(shared.App, Body(length: 200.01m));

        Assert.False(body["connectionFree"]!.GetValue<bool>());
        var exceeded = Assert.Single(body["exceeded"]!.AsArray())!;
        Assert.Equal("external-pipe-length", exceeded["bound"]!.GetValue<string>());
        Assert.Equal(200.01m, exceeded["actual"]!.GetValue<decimal>());
        Assert.Equal(0.01m, exceeded["excess"]!.GetValue<decimal>());
        Assert.Equal("m", exceeded["unit"]!.GetValue<string>());
        Assert.Contains("The external pipe is 200.01 m, longer than the free-connection limit of 200 m (by 0.01 m).", Strings(body["reasonsEn"]));
    }

    [Theory]
    [InlineData("commercial-housing", "新建商品房")]
    [InlineData("affordable-housing", "保障性住房")]
    public async Task DeveloperPaysForTheMeterInsideTheRedLineOfNewHousing(string development, string named)
    {
        var body = await AssessAsync(shared.App, Body(customerType: "residential", development: development));

        Assert.Equal("developer", body["meterPaidBy"]!.GetValue<string>());
        Assert.True(body["connectionFree"]!.GetValue<bool>());
        Assert.Contains($"水表位于{named}建筑区划红线内，其购置及安装费用纳入房屋开发建设成本，由开发建设单位承担。", Strings(body["reasons"]));
    }

    [Fact]
    public async Task OpenApiDocumentListsTheRouteAsPublic()
    {
        var app = shared.App;
        var document = await (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).JsonBodyAsync();

        var operation = document["paths"]![Url]!["post"]!;
        Assert.Equal("AssessConnection", operation["operationId"]!.GetValue<string>());
        Assert.Null(operation["security"]);
        Assert.True(operation["requestBody"]!["required"]!.GetValue<bool>());
        Assert.Equal(["Connection assessment"], Strings(operation["tags"]));
        Assert.NotNull(operation["responses"]!["200"]);
        Assert.NotNull(operation["responses"]!["400"]);
    }
}
