using PricingApi.Tests.Infrastructure;
using static PricingApi.Tests.Connections.ConnectionAssessmentTests;

namespace PricingApi.Tests.Connections;

/// <summary>With a <c>project</c>, the answer adds the category, its stages and working-day limits, and the "11000" model.</summary>
/// <remarks>An assessment saves nothing: one service for the class.</remarks>
public class ConnectionProjectAssessmentTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Fact]
    public async Task LowRiskProjectOnThePlatformWithoutPipeWorksGetsOneDayAndTheElevenThousandModel()
    {
        var body = await AssessAsync(shared.App, Body(dn: 25, length: 20m).With("project", Factory()));

        Assert.Equal("low-risk", body["category"]!.GetValue<string>());
        Assert.Equal("低风险项目", body["categoryName"]!.GetValue<string>());
        Assert.Equal("Low-risk project", body["categoryNameEn"]!.GetValue<string>());
        var stage = Assert.Single(body["stages"]!.AsArray())!;
        Assert.Equal("connection", stage["stage"]!.GetValue<string>());
        Assert.Equal("接入通水", stage["name"]!.GetValue<string>());
        Assert.Equal(1, stage["workingDays"]!.GetValue<int>());
        Assert.Equal(1, body["workingDays"]!.GetValue<int>());
        Assert.False(body["currentServiceStandard"]!.GetValue<bool>());
        Assert.True(body["model11000"]!.GetValue<bool>());
        Assert.StartsWith("适用“11000”工作模式", Strings(body["reasons"])[^1]);
    }

    [Fact]
    public async Task OtherNonResidentialProjectWithPipeWorksBeforeThePlatformHasBothStages()
    {
        var body = await AssessAsync(shared.App, Body(dn: 250, length: 400m).With("project", Factory(pipeWorks: true, onPlatform: false)));

        Assert.False(body["connectionFree"]!.GetValue<bool>());
        Assert.Equal(2, body["exceeded"]!.AsArray().Count);
        Assert.Equal("other-non-residential", body["category"]!.GetValue<string>());
        Assert.Equal(["site-survey:3", "connection:5"],
            body["stages"]!.AsArray().Select(s => $"{s!["stage"]!.GetValue<string>()}:{s["workingDays"]!.GetValue<int>()}"));
        Assert.Equal(8, body["workingDays"]!.GetValue<int>());
        Assert.False(body["model11000"]!.GetValue<bool>());
    }

    [Fact]
    public async Task OtherResidentialProjectFollowsTheCurrentServiceStandardWithoutFixedDays()
    {
        var project = new Dictionary<string, object?>
        {
            ["connectionKind"] = "expansion", ["hasExternalPipeWorks"] = true, ["projectDataOnGovernmentPlatform"] = false, ["insideSupplyArea"] = true,
        };
        var body = await AssessAsync(shared.App, Body(dn: 20, length: 10m, customerType: "residential").With("project", project));

        Assert.Equal("other-residential", body["category"]!.GetValue<string>());
        Assert.True(body["currentServiceStandard"]!.GetValue<bool>());
        Assert.Null(body["stages"]);
        Assert.Null(body["workingDays"]);
        Assert.Contains("不符合零星居民项目的条件（涉及增容），属于其他居民项目。", Strings(body["reasons"]));
    }

    [Fact]
    public async Task NonResidentialProjectThatIsNoFactoryOrWarehouseNeedsNoBuildingFigures()
    {
        var project = new Dictionary<string, object?>
        {
            ["connectionKind"] = "temporary-construction", ["hasExternalPipeWorks"] = false, ["projectDataOnGovernmentPlatform"] = true, ["buildingType"] = "other",
        };
        var body = await AssessAsync(shared.App, Body(dn: 32, length: 80m).With("project", project));

        Assert.True(body["connectionFree"]!.GetValue<bool>());
        Assert.Equal("other-non-residential", body["category"]!.GetValue<string>());
        Assert.Equal(4, body["workingDays"]!.GetValue<int>());
        Assert.Contains("不符合低风险项目和一般项目的条件（不是标准厂房或普通仓库），属于其他非居民项目。", Strings(body["reasons"]));
    }

    [Fact]
    public async Task SporadicResidentialProjectTakesTwoDaysWhateverThePlatformHolds()
    {
        var project = new Dictionary<string, object?>
        {
            ["connectionKind"] = "new", ["hasExternalPipeWorks"] = true, ["projectDataOnGovernmentPlatform"] = true, ["insideSupplyArea"] = true,
        };
        var body = await AssessAsync(shared.App, Body(dn: 20, length: 12.5m, customerType: "residential").With("project", project));

        Assert.Equal("sporadic-residential", body["category"]!.GetValue<string>());
        Assert.Equal(["site-survey:1", "connection:1"],
            body["stages"]!.AsArray().Select(s => $"{s!["stage"]!.GetValue<string>()}:{s["workingDays"]!.GetValue<int>()}"));
        Assert.Equal(2, body["workingDays"]!.GetValue<int>());
        Assert.False(body["model11000"]!.GetValue<bool>());
    }
}
