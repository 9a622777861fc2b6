using static PricingApi.Connections.ConnectionTerms;

namespace PricingApi.Connections;

/// <summary>The category and, in words, why.</summary>
public sealed record ProjectClassification(ProjectCategory Category, Bilingual Why);

/// <summary>
/// The Kunming categories (三(一)). Non-residential: a standard factory or ordinary warehouse of at most 10,000 m²
/// and 24 m, without hazardous goods, with an external pipe within 200 m, is low-risk at DN40 or smaller and general
/// above that up to DN200; anything else is "other non-residential". Residential: a new connection inside the
/// supply area (no relocation or capacity increase) with a meter of DN20 or smaller is sporadic; anything else is "other".
/// </summary>
public static class ProjectClassifier
{
    public static ProjectClassification Classify(int meterDiameterMm, decimal externalPipeLengthM, CustomerType customer, ProjectFacts project, CategoryOptions o) =>
        customer == CustomerType.Residential ? Residential(meterDiameterMm, project, o)
        : o.NonResidentialBands is { Length: > 0 } bands ? CategoryBands.Classify(meterDiameterMm, externalPipeLengthM, project, bands, o.NonResidentialOtherwise)
        : NonResidential(meterDiameterMm, externalPipeLengthM, project, o);

    private static ProjectClassification NonResidential(int dn, decimal length, ProjectFacts p, CategoryOptions o)
    {
        var missed = new List<Bilingual>();
        if (p.Building is not (BuildingType.StandardFactory or BuildingType.OrdinaryWarehouse))
        {
            missed.Add(new("不是标准厂房或普通仓库", "it is not a standard factory or ordinary warehouse"));
        }
        else
        {
            AtMost(p.TotalFloorAreaM2, o.MaxFloorAreaM2, missed, new("未提供总建筑面积", "the total floor area is not given"),
                a => new($"总建筑面积 {Number(a)} 平方米，大于 {Number(o.MaxFloorAreaM2)} 平方米", $"the total floor area of {Number(a)} m² is above {Number(o.MaxFloorAreaM2)} m²"));
            AtMost(p.BuildingHeightM, o.MaxBuildingHeightM, missed, new("未提供建筑高度", "the building height is not given"),
                h => new($"建筑高度 {Number(h)} 米，高于 {Number(o.MaxBuildingHeightM)} 米", $"the building height of {Number(h)} m is above {Number(o.MaxBuildingHeightM)} m"));
            if (p.InvolvesHazardousGoods != false)
            {
                missed.Add(new("涉及易燃、易爆、有毒、有害物品或危险品", "it involves flammable, explosive, toxic or hazardous goods"));
            }
        }

        if (length > o.MaxExternalPipeLengthM)
        {
            missed.Add(new($"外线管道长度 {Number(length)} 米，超过 {Number(o.MaxExternalPipeLengthM)} 米",
                $"the external pipe of {Number(length)} m is longer than {Number(o.MaxExternalPipeLengthM)} m"));
        }

        if (dn > o.GeneralMaxDiameterMm)
        {
            missed.Add(new($"接入口径 DN{dn}，大于 DN{o.GeneralMaxDiameterMm}", $"the connection is DN{dn}, above DN{o.GeneralMaxDiameterMm}"));
        }

        if (missed.Count > 0)
        {
            var why = Bilingual.Join(missed);
            return new(ProjectCategory.OtherNonResidential, new(
                $"不符合低风险项目和一般项目的条件（{why.Zh}），属于其他非居民项目。",
                $"It does not meet the low-risk or general project criteria ({why.En}), so it is an other non-residential project."));
        }

        var building = new Bilingual(
            $"标准厂房或普通仓库，总建筑面积不大于 {Number(o.MaxFloorAreaM2)} 平方米、建筑高度不大于 {Number(o.MaxBuildingHeightM)} 米、不涉及危险品，外线管道 {Number(o.MaxExternalPipeLengthM)} 米以内",
            $"A standard factory or ordinary warehouse of at most {Number(o.MaxFloorAreaM2)} m² and {Number(o.MaxBuildingHeightM)} m without hazardous goods, with an external pipe within {Number(o.MaxExternalPipeLengthM)} m");
        return dn <= o.LowRiskMaxDiameterMm
            ? new(ProjectCategory.LowRisk, new($"{building.Zh}，接入口径 DN{o.LowRiskMaxDiameterMm} 及以下，属于低风险项目。",
                $"{building.En} and a connection of DN{o.LowRiskMaxDiameterMm} or smaller is a low-risk project."))
            : new(ProjectCategory.General, new($"{building.Zh}，接入口径大于 DN{o.LowRiskMaxDiameterMm}、不大于 DN{o.GeneralMaxDiameterMm}，属于一般项目。",
                $"{building.En} and a connection above DN{o.LowRiskMaxDiameterMm} up to DN{o.GeneralMaxDiameterMm} is a general project."));
    }

    private static ProjectClassification Residential(int dn, ProjectFacts p, CategoryOptions o)
    {
        var missed = new List<Bilingual>();
        if (p.InsideSupplyArea != true)
        {
            missed.Add(new("不在供水覆盖范围内", "it is outside the supply area"));
        }

        if (p.Kind == ConnectionKind.Expansion)
        {
            missed.Add(new("涉及增容", "it increases capacity"));
        }
        else if (p.Kind == ConnectionKind.TemporaryConstruction)
        {
            missed.Add(new("属于临时施工用水，不是居民生活用水", "it is temporary construction water, not household water"));
        }

        if (dn > o.SporadicResidentialMaxDiameterMm)
        {
            missed.Add(new($"水表口径 DN{dn}，大于 DN{o.SporadicResidentialMaxDiameterMm}", $"the meter is DN{dn}, above DN{o.SporadicResidentialMaxDiameterMm}"));
        }

        if (missed.Count == 0)
        {
            return new(ProjectCategory.SporadicResidential, new(
                $"在供水覆盖范围内新装（不涉及改移装、增容）、水表口径 DN{o.SporadicResidentialMaxDiameterMm} 及以下的居民生活用水，属于零星居民项目。",
                $"A new household connection inside the supply area (no relocation or capacity increase) with a meter of DN{o.SporadicResidentialMaxDiameterMm} or smaller is a sporadic residential project."));
        }

        var why = Bilingual.Join(missed);
        return new(ProjectCategory.OtherResidential, new(
            $"不符合零星居民项目的条件（{why.Zh}），属于其他居民项目。",
            $"It does not meet the sporadic residential criteria ({why.En}), so it is an other residential project."));
    }

    /// <summary>Records a missed criterion when the value is unknown or above its maximum (the maximum itself qualifies).</summary>
    private static void AtMost(decimal? value, decimal max, List<Bilingual> missed, Bilingual unknown, Func<decimal, Bilingual> above)
    {
        if (value is not { } known)
        {
            missed.Add(unknown);
        }
        else if (known > max)
        {
            missed.Add(above(known));
        }
    }
}
