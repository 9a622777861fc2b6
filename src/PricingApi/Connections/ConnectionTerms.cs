using System.Globalization;

namespace PricingApi.Connections;

/// <summary>Residential water (居民生活用水) or any other use (非居民).</summary>
public enum CustomerType { Residential, NonResidential }

/// <summary>A new development whose red line (建筑区划红线) the meter sits inside; its meters are part of the building cost.</summary>
public enum HousingDevelopment { CommercialHousing, AffordableHousing }

/// <summary>What the application asks for: 新装, 扩容, 临时施工用水. The free-connection rule covers all three.</summary>
public enum ConnectionKind { New, Expansion, TemporaryConstruction }

/// <summary>
/// In Kunming only standard factories and ordinary warehouses (标准厂房、普通仓库) can be low-risk or general projects;
/// Changchun also names offices, shops and public-service buildings (办公、商业和公共服务设施).
/// </summary>
public enum BuildingType { StandardFactory, OrdinaryWarehouse, Other, OfficeOrCommercial }

/// <summary>
/// The project categories, which decide the stages and time limits: Kunming's (三(一)), and Changchun's 非居民小型项目 and
/// 低风险工业项目 (二(一)(二)); Changchun's 一般项目 is <see cref="General"/>.
/// </summary>
public enum ProjectCategory { LowRisk, General, OtherNonResidential, SporadicResidential, OtherResidential, SmallNonResidential, LowRiskIndustrial }

/// <summary>The two stages of the formal process: 现场踏勘审核 and 接入通水.</summary>
public enum AssessmentStage { SiteSurvey, Connection }

public static class ConnectionTerms
{
    public static Bilingual Name(ProjectCategory category) => category switch
    {
        ProjectCategory.LowRisk => new("低风险项目", "Low-risk project"),
        ProjectCategory.General => new("一般项目", "General project"),
        ProjectCategory.OtherNonResidential => new("其他非居民项目", "Other non-residential project"),
        ProjectCategory.SporadicResidential => new("零星居民项目", "Sporadic residential project"),
        ProjectCategory.SmallNonResidential => new("非居民小型项目", "Small non-residential project"),
        ProjectCategory.LowRiskIndustrial => new("低风险工业项目", "Low-risk industrial project"),
        _ => new("其他居民项目", "Other residential project"),
    };

    public static Bilingual Name(AssessmentStage stage) => stage == AssessmentStage.SiteSurvey
        ? new("现场踏勘审核", "Site survey and review")
        : new("接入通水", "Connection and turn-on");

    public static Bilingual Name(HousingDevelopment development) => development == HousingDevelopment.CommercialHousing
        ? new("新建商品房", "new commercial housing")
        : new("保障性住房", "affordable housing");

    /// <summary>A measurement as a clerk would say it: 200, 200.01, 0.004 (no trailing zeros, no exponent).</summary>
    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
