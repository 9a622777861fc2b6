using PricingApi.Connections;

namespace PricingApi.Profiles;

/// <summary>
/// The Changchun plan's numbers for the connection assessment (seed 000, 二 and 四), in place of Kunming's: its own
/// non-residential bands (3000 m²; 10000 m² and 5000 m² below 24 m; 50000 m²), a strict 低于24米, and its time limits.
/// </summary>
public static class ChangchunConnections
{
    public static void Apply(ConnectionOptions options)
    {
        // 非居民小型项目: 申请接入供水管径 40mm 及以下, 外线接入长度不超过 200 米; with 零成本 (四(一)1) these bound a free connection.
        options.FreeConnection.MaxMeterDiameterMm = 40;
        options.FreeConnection.MaxExternalPipeLengthM = 200m;

        options.Categories.NonResidentialBands =
        [
            // 二(一) 非居民小型项目: 总建筑面积不超过 3000 平米, 功能单一、结构简单、低风险, 管径 40mm 及以下, 外线不超过 200 米; 危化品除外.
            new() { Category = ProjectCategory.SmallNonResidential, MaxFloorAreaM2 = 3_000m, MaxDiameterMm = 40, MaxExternalPipeLengthM = 200m },
            // 二(二) 低风险工业项目: 标准厂房、普通仓库, 总建筑面积不超过 10000 平方米、建筑高度低于 24 米;
            new() { Category = ProjectCategory.LowRiskIndustrial, BuildingTypes = [BuildingType.StandardFactory, BuildingType.OrdinaryWarehouse],
                MaxFloorAreaM2 = 10_000m, MaxBuildingHeightM = 24m, HeightStrictlyBelow = true },
            // 总建筑面积不超过 5000 平方米、建筑高度低于 24 米的办公、商业和公共服务设施;
            new() { Category = ProjectCategory.LowRiskIndustrial, BuildingTypes = [BuildingType.OfficeOrCommercial],
                MaxFloorAreaM2 = 5_000m, MaxBuildingHeightM = 24m, HeightStrictlyBelow = true },
            // 单体总建筑面积不超过 5 万平方米的标准厂房或普通仓库 (no height bound).
            new() { Category = ProjectCategory.LowRiskIndustrial, BuildingTypes = [BuildingType.StandardFactory, BuildingType.OrdinaryWarehouse],
                MaxFloorAreaM2 = 50_000m },
        ];
        // 二(三) 一般项目: everything else.
        options.Categories.NonResidentialOtherwise = ProjectCategory.General;

        // 四(二)2: without external pipe works, 供水接入用时不超过2个工作日（含设计施工用时）; with them, 办理用时以实际发生为准.
        // The plan has no separate table for data already on the platform, and no "11000" model (its own is 免申即接入, within the hour).
        // New cells for every row: configuration binds onto them one by one.
        static PipeCells TwoDays() => PipeCells.Of(StageDays.Of(null, 2), StageDays.CurrentServiceStandard());
        static PipeCells Standard() => PipeCells.Of(StageDays.CurrentServiceStandard(), StageDays.CurrentServiceStandard());
        foreach (var table in new[] { options.TimeLimits.BeforePlatformData, options.TimeLimits.AfterPlatformData })
        {
            table.SmallNonResidential = TwoDays();
            table.LowRiskIndustrial = TwoDays();
            table.General = TwoDays();
            table.LowRisk = Standard();
            table.OtherNonResidential = Standard();
            table.SporadicResidential = Standard();
            table.OtherResidential = Standard();
        }

        options.TimeLimits.LowRiskElevenThousandModel = false;
    }
}
