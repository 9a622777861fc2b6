using System.Globalization;
using PricingApi.Http;

namespace PricingApi.ServiceArea;

/// <summary>
/// What a clerk is told when an address is outside the area, written once in English; the Chinese (the default
/// answer) is in <c>Http/ProblemTexts.zh.resx</c>. The area's description and summary have a Chinese form of their
/// own, which each text carries for the Chinese template. Each refusal ends by saying where the area is.
/// </summary>
public static class ServiceAreaMessages
{
    public const string WhereTemplate = "Extended services are offered in {0}: {1}.";
    public const string UnknownDistrictTemplate = "'{0}' is outside the extended-services area, so no quote can be made there.";
    public const string ExcludedDistrictTemplate = "{0} is excluded from the extended-services area, so no quote can be made there.";
    public const string DevelopmentZoneTemplate =
        "{0} is a development zone, not a district: the area is set by district and street, so give the district and street the address lies in.";
    public const string StreetOutsideTemplate = "Only part of {0} is in the extended-services area: {1}. '{2}' is not one of them, so no quote can be made there.";
    public const string StreetRequiredTemplate = "Only part of {0} is in the extended-services area ({1}): give the street (街道) the customer's address lies in.";

    public static ProblemText Where(ServiceAreaEntry area) => new(F(WhereTemplate, DescriptionEn(area), area.SummaryEn()), Chinese(area));

    public static ProblemText UnknownDistrict(string district, ServiceAreaEntry area) => Then(F(UnknownDistrictTemplate, district), area);

    public static ProblemText ExcludedDistrict(string district, ServiceAreaEntry area) => Then(F(ExcludedDistrictTemplate, district), area);

    public static ProblemText DevelopmentZone(string zone, ServiceAreaEntry area) => Then(F(DevelopmentZoneTemplate, zone), area);

    public static ProblemText StreetOutside(string district, string street, AreaDistrict partial, ServiceAreaEntry area) =>
        Then(F(StreetOutsideTemplate, district, string.Join("、", partial.Streets), street), area);

    public static ProblemText StreetRequired(string district, AreaDistrict partial) =>
        new(F(StreetRequiredTemplate, district, string.Join("、", partial.Streets)));

    private static ProblemText Then(string refusal, ServiceAreaEntry area)
    {
        var where = Where(area);
        return new($"{refusal} {where.En}", where.ChineseValues);
    }

    private static Dictionary<string, string> Chinese(ServiceAreaEntry area) => new(StringComparer.Ordinal)
    {
        [DescriptionEn(area)] = area.Description,
        [area.SummaryEn()] = area.Summary(),
    };

    /// <summary>An area configured with a Chinese description only is described in Chinese in English too.</summary>
    private static string DescriptionEn(ServiceAreaEntry area) => string.IsNullOrWhiteSpace(area.DescriptionEn) ? area.Description : area.DescriptionEn;

    private static string F(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}
