namespace PricingApi.Connections;

/// <summary>
/// A connection to assess. Every field is nullable so that a missing one is named by the validator (400)
/// instead of silently defaulting to 0 or false.
/// </summary>
public sealed class AssessmentRequest
{
    /// <summary>The meter / connection nominal diameter in mm, a standard DN size: 15, 20, 25, 32, 40, 50, …</summary>
    public int? MeterDiameterMm { get; set; }

    /// <summary>Metres of external pipe from the connection point on the public main to 1 m after the meter, meter included.</summary>
    public decimal? ExternalPipeLengthM { get; set; }

    public CustomerType? CustomerType { get; set; }

    /// <summary>The development whose red line the meter sits inside, if any; absent or null for none.</summary>
    public HousingDevelopment? Development { get; set; }

    /// <summary>Describe the project to learn its category, stages and working-day limits; leave out for the cost questions alone.</summary>
    public ProjectRequest? Project { get; set; }

    /// <summary>Only after validation: the required fields are then present.</summary>
    public ConnectionFacts ToFacts() => new(MeterDiameterMm!.Value, ExternalPipeLengthM!.Value, CustomerType!.Value, Development, Project?.ToFacts());
}

/// <summary>The project behind the connection, as the Kunming categories (三(一)) need it.</summary>
public sealed class ProjectRequest
{
    /// <summary>new (新装), expansion (扩容) or temporary-construction (临时施工用水).</summary>
    public ConnectionKind? ConnectionKind { get; set; }

    /// <summary>Whether external pipe works must be built (有外线工程); the time limits differ.</summary>
    public bool? HasExternalPipeWorks { get; set; }

    /// <summary>Whether the government construction-project platform already holds the project's data (可提前获取项目信息).</summary>
    public bool? ProjectDataOnGovernmentPlatform { get; set; }

    /// <summary>Non-residential only: standard-factory, ordinary-warehouse or other.</summary>
    public BuildingType? BuildingType { get; set; }

    /// <summary>Non-residential factory or warehouse: total floor area (总建筑面积) in m².</summary>
    public decimal? TotalFloorAreaM2 { get; set; }

    /// <summary>Non-residential factory or warehouse: building height in m.</summary>
    public decimal? BuildingHeightM { get; set; }

    /// <summary>Non-residential factory or warehouse: whether flammable, explosive, toxic or hazardous goods are involved.</summary>
    public bool? InvolvesHazardousGoods { get; set; }

    /// <summary>Residential only: whether the premises lie inside the utility's supply area (供水覆盖范围内).</summary>
    public bool? InsideSupplyArea { get; set; }

    public ProjectFacts ToFacts() => new(ConnectionKind!.Value, HasExternalPipeWorks!.Value, ProjectDataOnGovernmentPlatform!.Value,
        BuildingType, TotalFloorAreaM2, BuildingHeightM, InvolvesHazardousGoods, InsideSupplyArea);
}
