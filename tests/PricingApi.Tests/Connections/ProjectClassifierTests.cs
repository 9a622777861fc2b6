using PricingApi.Connections;

namespace PricingApi.Tests.Connections;

public class ProjectClassifierTests
{
    private static readonly CategoryOptions Kunming = new();

    /// <summary>A factory exactly at every low-risk bound: 10,000 m², 24 m, no hazardous goods.</summary>
    private static ProjectFacts Factory(decimal area = 10_000m, decimal height = 24m, bool hazardous = false, BuildingType building = BuildingType.StandardFactory) =>
        new(ConnectionKind.New, HasExternalPipeWorks: true, DataOnGovernmentPlatform: true, building, area, height, hazardous);

    private static ProjectFacts Household(ConnectionKind kind = ConnectionKind.New, bool inside = true) =>
        new(kind, HasExternalPipeWorks: false, DataOnGovernmentPlatform: false, InsideSupplyArea: inside);

    private static ProjectCategory NonResidential(int dn, decimal length, ProjectFacts project) =>
        ProjectClassifier.Classify(dn, length, CustomerType.NonResidential, project, Kunming).Category;

    [Theory]
    [InlineData(15, "0")]
    [InlineData(40, "200")]
    public void FactoryAtEveryBoundWithDn40OrSmallerIsLowRisk(int dn, string length) =>
        Assert.Equal(ProjectCategory.LowRisk, NonResidential(dn, decimal.Parse(length), Factory()));

    [Fact]
    public void OrdinaryWarehouseAndTemporaryConstructionWaterCanBeLowRisk()
    {
        Assert.Equal(ProjectCategory.LowRisk, NonResidential(25, 50m, Factory(building: BuildingType.OrdinaryWarehouse)));
        Assert.Equal(ProjectCategory.LowRisk, NonResidential(25, 50m, Factory() with { Kind = ConnectionKind.TemporaryConstruction }));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(200)]
    public void FactoryAboveDn40UpToDn200IsGeneral(int dn) =>
        Assert.Equal(ProjectCategory.General, NonResidential(dn, 200m, Factory()));

    [Theory]
    [InlineData(250, "200")]     // above DN200
    [InlineData(40, "200.01")]   // pipe too long for low-risk
    [InlineData(50, "200.01")]   // pipe too long for general
    public void FactoryOutsideTheDiameterOrPipeBandIsOtherNonResidential(int dn, string length) =>
        Assert.Equal(ProjectCategory.OtherNonResidential, NonResidential(dn, decimal.Parse(length), Factory()));

    [Fact]
    public void BuildingOutsideTheLowRiskCriteriaIsOtherNonResidential()
    {
        Assert.Equal(ProjectCategory.OtherNonResidential, NonResidential(40, 100m, Factory(area: 10_000.01m)));
        Assert.Equal(ProjectCategory.OtherNonResidential, NonResidential(40, 100m, Factory(height: 24.01m)));
        Assert.Equal(ProjectCategory.OtherNonResidential, NonResidential(40, 100m, Factory(hazardous: true)));
        Assert.Equal(ProjectCategory.OtherNonResidential, NonResidential(50, 100m, Factory(building: BuildingType.Other)));
        Assert.Equal(ProjectCategory.OtherNonResidential, NonResidential(40, 100m, Factory() with { TotalFloorAreaM2 = null }));
    }

    [Fact]
    public void OtherNonResidentialSaysEveryCriterionItMisses()
    {
        var result = ProjectClassifier.Classify(250, 200.01m, CustomerType.NonResidential, Factory(area: 12_000m, height: 30m, hazardous: true), Kunming);

        Assert.Equal("不符合低风险项目和一般项目的条件（总建筑面积 12000 平方米，大于 10000 平方米；建筑高度 30 米，高于 24 米；"
                     + "涉及易燃、易爆、有毒、有害物品或危险品；外线管道长度 200.01 米，超过 200 米；接入口径 DN250，大于 DN200），属于其他非居民项目。", result.Why.Zh);
        Assert.Contains("the total floor area of 12000 m² is above 10000 m²", result.Why.En);
        Assert.Contains("the connection is DN250, above DN200", result.Why.En);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(20)]
    public void NewHouseholdConnectionInsideTheSupplyAreaUpToDn20IsSporadic(int dn)
    {
        var result = ProjectClassifier.Classify(dn, 30m, CustomerType.Residential, Household(), Kunming);

        Assert.Equal(ProjectCategory.SporadicResidential, result.Category);
        Assert.Contains("属于零星居民项目", result.Why.Zh);
    }

    [Fact]
    public void ResidentialOutsideTheSporadicCriteriaIsOtherResidential()
    {
        ProjectCategory Residential(int dn, ProjectFacts project) =>
            ProjectClassifier.Classify(dn, 30m, CustomerType.Residential, project, Kunming).Category;

        Assert.Equal(ProjectCategory.OtherResidential, Residential(25, Household()));
        Assert.Equal(ProjectCategory.OtherResidential, Residential(20, Household(ConnectionKind.Expansion)));
        Assert.Equal(ProjectCategory.OtherResidential, Residential(20, Household(ConnectionKind.TemporaryConstruction)));
        Assert.Equal(ProjectCategory.OtherResidential, Residential(20, Household(inside: false)));
    }

    [Fact]
    public void TheCategoryCriteriaArePolicyParameters()
    {
        var changchun = new CategoryOptions { MaxFloorAreaM2 = 3_000m };

        Assert.Equal(ProjectCategory.OtherNonResidential,
            ProjectClassifier.Classify(40, 100m, CustomerType.NonResidential, Factory(area: 3_000.5m), changchun).Category);
        Assert.Equal(ProjectCategory.LowRisk,
            ProjectClassifier.Classify(40, 100m, CustomerType.NonResidential, Factory(area: 3_000m), changchun).Category);
    }
}
