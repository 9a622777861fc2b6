using PricingApi.Profiles;
using PricingApi.ServiceArea;

namespace PricingApi.Tests.ServiceArea;

/// <summary>The area rules against Kunming's default area: names as clerks write them, partial districts, exclusions, zones.</summary>
public class AreaLocatorTests
{
    private static readonly ServiceAreaOptions Kunming = Area("kunming");

    [Theory]
    [InlineData("五华区", "华山街道")]
    [InlineData("五华", "华山街道")]
    [InlineData("昆明市五华区", "华山")]
    [InlineData("云南省昆明市五华区", " 华山街道办事处 ")]
    [InlineData(" 五 华 ", "华山")]
    public void DistrictAliasesAndStreetsWithOrWithout街道AreOnePlace(string district, string street)
    {
        var placed = Assert.IsType<AreaPlacement.Inside>(AreaLocator.Place(district, street, Kunming));

        Assert.Equal("五华区", placed.District);
        Assert.Equal("华山街道", placed.Street);
    }

    [Fact]
    public void PartialDistrictWithoutAStreetAsksForIt()
    {
        var needed = Assert.IsType<AreaPlacement.StreetNeeded>(AreaLocator.Place("盘龙", null, Kunming));

        Assert.StartsWith("Only part of 盘龙区 is in the extended-services area", needed.Reason.En);
        Assert.Contains("拓东街道", needed.Reason.En);
    }

    [Theory]
    [InlineData("五华区", "西翥街道")]   // 沙朗/厂口, outside the Third Ring
    [InlineData("盘龙区", "滇源")]
    [InlineData("官渡区", "大板桥街道")]
    [InlineData("西山区", "海口街道")]
    [InlineData("官渡区", "华山街道")]   // a street of another district
    public void StreetOutsideTheAreaOfAPartialDistrictIsRefused(string district, string street)
    {
        var outside = Assert.IsType<AreaPlacement.Outside>(AreaLocator.Place(district, street, Kunming));

        Assert.StartsWith("Only part of ", outside.Reason.En);
        Assert.Contains(" is in the extended-services area: ", outside.Reason.En);
        Assert.Contains($"'{street}' is not one of them", outside.Reason.En);
    }

    [Theory]
    [InlineData("呈贡区")]
    [InlineData("呈贡")]
    [InlineData("昆明市呈贡区")]
    public void ExcludedDistrictIsRefusedInTheExclusionsWords(string district)
    {
        var outside = Assert.IsType<AreaPlacement.Outside>(AreaLocator.Place(district, "龙城街道", Kunming));

        Assert.StartsWith("呈贡区 is excluded from the extended-services area", outside.Reason.En);
        Assert.Contains("Extended services are offered in Kunming's main urban area inside the Third Ring Road (Chenggong District excluded): ", outside.Reason.En);
        // The description has a Chinese form of its own, which the Chinese answer uses.
        Assert.Equal("昆明市主城区（不含呈贡区）三环范围内", outside.Reason.ChineseValues["Kunming's main urban area inside the Third Ring Road (Chenggong District excluded)"]);
    }

    [Theory]
    [InlineData("经开区", "经开区")]
    [InlineData("昆明经开区", "经开区")]
    [InlineData("高新区", "高新区")]
    [InlineData("滇池度假区", "度假区")]
    public void DevelopmentZoneIsNotADistrictAndTheRefusalSaysWhatToGive(string written, string zone)
    {
        var outside = Assert.IsType<AreaPlacement.Outside>(AreaLocator.Place(written, null, Kunming));

        Assert.StartsWith($"{zone} is a development zone, not a district", outside.Reason.En);
        Assert.Contains("give the district and street the address lies in", outside.Reason.En);
    }

    [Fact]
    public void UnknownDistrictIsRefusedSayingWhereTheAreaIs()
    {
        var outside = Assert.IsType<AreaPlacement.Outside>(AreaLocator.Place("晋宁区", null, Kunming));

        Assert.StartsWith("'晋宁区' is outside the extended-services area", outside.Reason.En);
        Assert.Contains("五华区 (华山街道、护国街道", outside.Reason.En);
        Assert.Contains(outside.Reason.ChineseValues.Values, v => v.Contains("五华区（华山街道、护国街道") && v.EndsWith("；不含呈贡区"));
        Assert.Contains("; not 呈贡区", outside.Reason.En);
    }

    [Fact]
    public void WholeDistrictTakesAnyStreetOrNone()
    {
        var changchun = Area("changchun");

        Assert.IsType<AreaPlacement.Inside>(AreaLocator.Place("中韩（长春）国际合作示范区", null, changchun));
        Assert.IsType<AreaPlacement.Inside>(AreaLocator.Place("长春市中韩（长春）国际合作示范区", "任意街道", changchun));
        Assert.IsType<AreaPlacement.Outside>(AreaLocator.Place("五华区", "华山街道", changchun));
    }

    [Fact]
    public void EachProfileShipsAUsableAreaMarkedForConfirmation()
    {
        foreach (var profile in CityProfiles.All)
        {
            var area = Area(profile.Id);
            Assert.Null(AreaLocator.Problem(area));
            Assert.False(area.Confirmed);
            Assert.False(string.IsNullOrWhiteSpace(area.Note));
        }
    }

    [Fact]
    public void AnAreaThatCannotBeAppliedIsNamed()
    {
        Assert.NotNull(AreaLocator.Problem(new ServiceAreaOptions()));
        Assert.NotNull(AreaLocator.Problem(new ServiceAreaOptions { Description = "x", Districts = [new() { Name = "五华区", Whole = false }] }));
        Assert.NotNull(AreaLocator.Problem(new ServiceAreaOptions
        {
            Description = "x", City = "昆明市", Districts = [new() { Name = "五华区", Whole = true }], Excluded = ["五华"],
        }));
    }

    private static ServiceAreaOptions Area(string profile)
    {
        var area = new ServiceAreaOptions();
        CityProfiles.For(profile).Area(area);
        return area;
    }
}
