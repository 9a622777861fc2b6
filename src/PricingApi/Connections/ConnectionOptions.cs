namespace PricingApi.Connections;

/// <summary>
/// The connection-assessment policy, bound from the "Connections" section so another city can set its own.
/// The defaults are Kunming Water Group's 2022 plan (seed 002, 三(一)–(五)); <see cref="ConnectionOptionsValidator"/>
/// refuses an inconsistent policy at startup.
/// </summary>
public sealed class ConnectionOptions
{
    public const string Section = "Connections";

    /// <summary>The standard nominal diameters (GB/T 1047 DN series) up to DN1000.</summary>
    public static readonly int[] DefaultDiametersMm =
        [15, 20, 25, 32, 40, 50, 65, 80, 100, 125, 150, 200, 250, 300, 350, 400, 450, 500, 600, 700, 800, 900, 1000];

    /// <summary>
    /// The DN sizes a meter may have; absent means <see cref="DefaultDiametersMm"/>. Left null rather than pre-filled
    /// because the configuration binder appends a configured list to a pre-filled one instead of replacing it.
    /// </summary>
    public int[]? StandardDiametersMm { get; set; }

    /// <summary>No connection pipe is longer than this (100 km); a longer one is a typing error, not a project.</summary>
    public decimal MaxPlausibleExternalPipeLengthM { get; set; } = 100_000m;

    public FreeConnectionOptions FreeConnection { get; set; } = new();

    public CategoryOptions Categories { get; set; } = new();

    public TimeLimitOptions TimeLimits { get; set; } = new();

    public IReadOnlyList<int> Diameters() => StandardDiametersMm is { Length: > 0 } configured ? configured : DefaultDiametersMm;
}

/// <summary>小型项目免费接入 (三(五)): both bounds inclusive.</summary>
public sealed class FreeConnectionOptions
{
    /// <summary>接水装表口径 DN40 及以下.</summary>
    public int MaxMeterDiameterMm { get; set; } = 40;

    /// <summary>From the connection point on the public main to 1 m after the settlement meter, meter included.</summary>
    public decimal MaxExternalPipeLengthM { get; set; } = 200m;
}

/// <summary>The criteria of the project categories (三(一)).</summary>
public sealed class CategoryOptions
{
    /// <summary>Low-risk and general projects: 总建筑面积不大于 10000 平方米.</summary>
    public decimal MaxFloorAreaM2 { get; set; } = 10_000m;

    /// <summary>Low-risk and general projects: 建筑高度不大于 24 米.</summary>
    public decimal MaxBuildingHeightM { get; set; } = 24m;

    /// <summary>Low-risk projects: 供水接入口径为 DN40 及以下.</summary>
    public int LowRiskMaxDiameterMm { get; set; } = 40;

    /// <summary>General projects: above the low-risk limit, up to DN200 (DN40 以上及 DN200 以下).</summary>
    public int GeneralMaxDiameterMm { get; set; } = 200;

    /// <summary>Low-risk and general projects: 外线管道长度 200 米以内.</summary>
    public decimal MaxExternalPipeLengthM { get; set; } = 200m;

    /// <summary>Sporadic residential projects: 水表口径 DN15-DN20 及以下.</summary>
    public int SporadicResidentialMaxDiameterMm { get; set; } = 20;

    /// <summary>
    /// A city whose non-residential categories are not Kunming's two bands (Changchun: floor-area bands by building type,
    /// a strict 低于24米) lists them here, first match wins; <see cref="NonResidentialOtherwise"/> takes the rest.
    /// Null (the default) classifies by the Kunming criteria above.
    /// </summary>
    public CategoryBand[]? NonResidentialBands { get; set; }

    public ProjectCategory NonResidentialOtherwise { get; set; } = ProjectCategory.OtherNonResidential;
}

/// <summary>One set of criteria that puts a non-residential project in <see cref="Category"/>; an unset bound does not apply.</summary>
public sealed class CategoryBand
{
    public ProjectCategory Category { get; set; }
    /// <summary>The building types it admits; empty admits any.</summary>
    public BuildingType[] BuildingTypes { get; set; } = [];
    /// <summary>总建筑面积不超过 (inclusive).</summary>
    public decimal? MaxFloorAreaM2 { get; set; }
    public decimal? MaxBuildingHeightM { get; set; }
    /// <summary>True where the text says 低于 (below: the bound itself misses), false for 不大于 (at most).</summary>
    public bool HeightStrictlyBelow { get; set; }
    /// <summary>接入管径 … 及以下 (inclusive).</summary>
    public int? MaxDiameterMm { get; set; }
    public decimal? MaxExternalPipeLengthM { get; set; }
    /// <summary>危化品等除外: hazardous goods keep a project out of the band.</summary>
    public bool ExcludesHazardousGoods { get; set; } = true;
}
