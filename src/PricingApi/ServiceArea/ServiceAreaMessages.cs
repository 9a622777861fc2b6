using PricingApi.FeeList;

namespace PricingApi.ServiceArea;

/// <summary>
/// What a clerk is told when an address is outside the area, Chinese first with English beside, so that the
/// localization resources can take them over. Each refusal ends by saying where the area is.
/// </summary>
public static class ServiceAreaMessages
{
    public static Bilingual Where(ServiceAreaEntry area) => new(
        $"延伸服务试点区域为{area.Description}：{area.Summary()}。",
        $"Extended services are offered in {area.DescriptionEn}: {area.SummaryEn()}.");

    public static Bilingual UnknownDistrict(string district, ServiceAreaEntry area) => Then(new(
        $"“{district}”不在延伸服务试点区域内，不能出具报价单。",
        $"'{district}' is outside the extended-services area, so no quote can be made there."), area);

    public static Bilingual ExcludedDistrict(string district, ServiceAreaEntry area) => Then(new(
        $"{district}不在延伸服务试点区域内（试点区域不含{district}），不能出具报价单。",
        $"{district} is excluded from the extended-services area, so no quote can be made there."), area);

    public static Bilingual DevelopmentZone(string zone, ServiceAreaEntry area) => Then(new(
        $"{zone}是开发区，不是行政区；试点区域按行政区和街道划定，请按地址所在的行政区和街道填写（district、street）。",
        $"{zone} is a development zone, not a district: the area is set by district and street, so give the district and street the address lies in."), area);

    public static Bilingual StreetOutside(string district, string street, AreaDistrict partial, ServiceAreaEntry area) => Then(new(
        $"{district}只有部分街道在延伸服务试点区域内：{string.Join("、", partial.Streets)}。“{street}”不在其中，不能出具报价单。",
        $"Only part of {district} is in the extended-services area: {string.Join("、", partial.Streets)}. '{street}' is not one of them, so no quote can be made there."), area);

    public static Bilingual StreetRequired(string district, AreaDistrict partial) => new(
        $"{district}只有部分街道在延伸服务试点区域内（{string.Join("、", partial.Streets)}），请填写客户地址所在的街道（street）。",
        $"Only part of {district} is in the extended-services area ({string.Join("、", partial.Streets)}): give the street (街道) the customer's address lies in.");

    private static Bilingual Then(Bilingual refusal, ServiceAreaEntry area)
    {
        var where = Where(area);
        return new($"{refusal.Zh}{where.Zh}", $"{refusal.En} {where.En}");
    }
}
