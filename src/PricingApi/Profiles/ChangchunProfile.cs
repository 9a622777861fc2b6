using PricingApi.Connections;
using PricingApi.Providers;
using PricingApi.ServiceArea;
using PricingApi.Utility;

namespace PricingApi.Profiles;

/// <summary>
/// 新区供水公司《2022年新区供水公司优化营商环境工作提升方案》 (Changchun, seed 000): it applies to 中韩（长春）国际合作示范区
/// and is carried out by 新区供水公司 itself. It names no extended-services pilot, so the area is the plan's own scope,
/// left unconfirmed for the utility to settle.
/// </summary>
public static class ChangchunProfile
{
    public static readonly CityProfile Profile = new("changchun", Utility, Area, Providers, ChangchunConnections.Apply, "catalog-changchun.json");

    private static void Utility(UtilityOptions utility)
    {
        utility.Publisher = "新区供水公司";
        utility.PublisherEn = "New District Water Supply Company (Changchun)";
        // The plan gives no service number; the group's hotline is the utility's to confirm.
        utility.ServicePhone = "0431-96633";
    }

    private static void Area(ServiceAreaOptions area)
    {
        area.Description = "中韩（长春）国际合作示范区";
        area.DescriptionEn = "the China-Korea (Changchun) International Cooperation Demonstration Zone";
        area.Province = "吉林省";
        area.City = "长春市";
        area.Confirmed = false;
        area.Note = "长春方案未规定延伸服务试点范围，暂以方案适用范围（中韩（长春）国际合作示范区）配置，待新区供水公司确认。";
        area.Districts = [new() { Name = "中韩（长春）国际合作示范区", Whole = true }];
        area.Excluded = [];
        area.Zones = [];
    }

    private static void Providers(ProvidersOptions providers) => providers.Companies =
    [
        new() { Id = "xinqu", Name = "新区供水公司", NameEn = "New District Water Supply Company", QuotePrefix = "XQ",
            QuoteHeader = "长春水投集团 · 新区供水公司", QuoteHeaderEn = "Changchun Water Investment Group · New District Water Supply Company" },
    ];
}
