using PricingApi.Pricing;

namespace PricingApi.Connections;

/// <summary>What the customer tells us about the connection; <see cref="Project"/> is optional.</summary>
public sealed record ConnectionFacts(
    int MeterDiameterMm,
    decimal ExternalPipeLengthM,
    CustomerType CustomerType,
    HousingDevelopment? Development = null,
    ProjectFacts? Project = null);

/// <summary>What the applicant says about the project beyond the meter and the pipe.</summary>
public sealed record ProjectFacts(
    ConnectionKind Kind,
    bool HasExternalPipeWorks,
    bool DataOnGovernmentPlatform,
    BuildingType? Building = null,
    decimal? TotalFloorAreaM2 = null,
    decimal? BuildingHeightM = null,
    bool? InvolvesHazardousGoods = null,
    bool? InsideSupplyArea = null);

/// <summary>The answer under the basic-service rules.</summary>
public sealed record ConnectionAssessment(
    FreeConnectionOutcome FreeConnection,
    PaidBy MeterPaidBy,
    ProjectAssessment? Project,
    IReadOnlyList<Bilingual> Reasons)
{
    /// <summary>Application (报装) is free for everyone, whatever else the connection costs.</summary>
    public const decimal ApplicationFee = 0.00m;
}

/// <summary>The category, its time limit (null: the current service standard, no fixed limit), and whether "11000" applies.</summary>
public sealed record ProjectAssessment(ProjectCategory Category, TimeLimit? TimeLimit, bool ElevenThousandModel);
