using PricingApi.Providers;
using PricingApi.ServiceArea;

namespace PricingApi.Profiles;

/// <summary>
/// Kunming Water Group's 2022 plan (昆水集技〔2022〕1号). 三(九): extended services as a pilot 主城区（不含呈贡区）三环范围内,
/// by 水工集团 and 通用水务. The connection rules are the defaults of <see cref="Connections.ConnectionOptions"/>.
/// </summary>
public static class KunmingProfile
{
    public static readonly CityProfile Profile = new("kunming", _ => { }, Area, Providers, _ => { }, "catalog.json");

    /// <summary>
    /// The plan names the area, not its streets: the Third Ring cuts through all four districts. The streets below are
    /// those inside or mostly inside the ring (西翥 = 沙朗/厂口, 滇源, 阿子营, 双龙, 松华, 海口, 团结, 碧鸡, 大板桥, 小哨 and
    /// the like are left out), a draft the utility confirms: hence Confirmed = false and the note the public reads.
    /// </summary>
    private static void Area(ServiceAreaOptions area)
    {
        area.Description = "昆明市主城区（不含呈贡区）三环范围内";
        area.DescriptionEn = "Kunming's main urban area inside the Third Ring Road (Chenggong District excluded)";
        area.Province = "云南省";
        area.City = "昆明市";
        area.Confirmed = false;
        area.Note = "试点区域按三环范围内的街道整理，待昆明自来水集团确认；地址在边界附近的，以现场核实为准。";
        area.Districts =
        [
            Partial("五华区", "华山街道", "护国街道", "大观街道", "龙翔街道", "丰宁街道", "莲华街道", "红云街道", "黑林铺街道", "普吉街道"),
            Partial("盘龙区", "拓东街道", "鼓楼街道", "东华街道", "联盟街道", "金辰街道", "青云街道", "龙泉街道", "茨坝街道"),
            Partial("官渡区", "关上街道", "太和街道", "吴井街道", "金马街道", "小板桥街道", "官渡街道", "矣六街道", "六甲街道"),
            Partial("西山区", "金碧街道", "永昌街道", "前卫街道", "福海街道", "棕树营街道", "西苑街道", "马街街道"),
        ];
        area.Excluded = ["呈贡区"];
        area.Zones =
        [
            new() { Name = "经开区", Aliases = ["昆明经开区", "经济技术开发区", "昆明经济技术开发区"] },
            new() { Name = "高新区", Aliases = ["昆明高新区", "高新技术开发区", "高新技术产业开发区"] },
            new() { Name = "度假区", Aliases = ["滇池度假区", "滇池旅游度假区", "旅游度假区"] },
        ];
    }

    private static AreaDistrict Partial(string name, params string[] streets) => new() { Name = name, Whole = false, Streets = streets };

    /// <summary>The plan names the companies but not their registered names or which service each performs: the first is the default.</summary>
    private static void Providers(ProvidersOptions providers) => providers.Companies =
    [
        // "Q" keeps the series the group's quotes have carried since the first release.
        new() { Id = "shuigong", Name = "水工集团", NameEn = "Shuigong Group (water engineering)", QuotePrefix = "Q",
            QuoteHeader = "昆明自来水集团有限公司 · 水工集团", QuoteHeaderEn = "Kunming Water Supply Group · Shuigong Group" },
        new() { Id = "tongyong", Name = "通用水务", NameEn = "Tongyong Water", QuotePrefix = "TY",
            QuoteHeader = "昆明自来水集团有限公司 · 通用水务", QuoteHeaderEn = "Kunming Water Supply Group · Tongyong Water" },
    ];
}
