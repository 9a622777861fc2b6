namespace PricingApi.Connections;

/// <summary>
/// The working-day tables of 三(三): one before the government construction-project platform holds the
/// project's data (1.), one after (2.), when the survey is done in advance and only the connection stage remains.
/// </summary>
public sealed class TimeLimitOptions
{
    /// <summary>Low-risk projects without external pipe works follow the "11000" model once the data is on the platform.</summary>
    public bool LowRiskElevenThousandModel { get; set; } = true;

    public CategoryTimeLimits BeforePlatformData { get; set; } = new()
    {
        LowRisk = PipeCells.Of(StageDays.Of(1, 1), StageDays.Of(2, 3)),
        General = PipeCells.Of(StageDays.Of(2, 2), StageDays.Of(3, 5)),
        OtherNonResidential = PipeCells.Of(StageDays.Of(2, 2), StageDays.Of(3, 5)),
        SporadicResidential = PipeCells.Of(StageDays.Of(1, 1), StageDays.Of(1, 1)),
        OtherResidential = PipeCells.Of(StageDays.CurrentServiceStandard(), StageDays.CurrentServiceStandard()),
    };

    public CategoryTimeLimits AfterPlatformData { get; set; } = new()
    {
        LowRisk = PipeCells.Of(StageDays.Of(null, 1), StageDays.Of(null, 2)),
        General = PipeCells.Of(StageDays.Of(null, 2), StageDays.Of(null, 5)),
        OtherNonResidential = PipeCells.Of(StageDays.Of(2, 2), StageDays.Of(3, 5)),
        SporadicResidential = PipeCells.Of(StageDays.Of(1, 1), StageDays.Of(1, 1)),
        OtherResidential = PipeCells.Of(StageDays.CurrentServiceStandard(), StageDays.CurrentServiceStandard()),
    };
}

/// <summary>One table: a row per category.</summary>
public sealed class CategoryTimeLimits
{
    public PipeCells LowRisk { get; set; } = new();
    public PipeCells General { get; set; } = new();
    public PipeCells OtherNonResidential { get; set; } = new();
    /// <summary>The seed's table has one row for sporadic residential projects: set both cells alike.</summary>
    public PipeCells SporadicResidential { get; set; } = new();
    public PipeCells OtherResidential { get; set; } = new();
    /// <summary>Changchun's categories; Kunming's tables leave them at the current service standard.</summary>
    public PipeCells SmallNonResidential { get; set; } = PipeCells.Of(StageDays.CurrentServiceStandard(), StageDays.CurrentServiceStandard());
    public PipeCells LowRiskIndustrial { get; set; } = PipeCells.Of(StageDays.CurrentServiceStandard(), StageDays.CurrentServiceStandard());

    public PipeCells For(ProjectCategory category) => category switch
    {
        ProjectCategory.SmallNonResidential => SmallNonResidential,
        ProjectCategory.LowRiskIndustrial => LowRiskIndustrial,
        ProjectCategory.LowRisk => LowRisk,
        ProjectCategory.General => General,
        ProjectCategory.OtherNonResidential => OtherNonResidential,
        ProjectCategory.SporadicResidential => SporadicResidential,
        _ => OtherResidential,
    };

    public IEnumerable<(string Row, PipeCells Cells)> Rows() =>
    [
        (nameof(LowRisk), LowRisk), (nameof(General), General), (nameof(OtherNonResidential), OtherNonResidential),
        (nameof(SporadicResidential), SporadicResidential), (nameof(OtherResidential), OtherResidential),
        (nameof(SmallNonResidential), SmallNonResidential), (nameof(LowRiskIndustrial), LowRiskIndustrial),
    ];
}

/// <summary>无外线工程 / 有外线工程.</summary>
public sealed class PipeCells
{
    public StageDays WithoutExternalPipe { get; set; } = new();
    public StageDays WithExternalPipe { get; set; } = new();

    public StageDays For(bool hasExternalPipeWorks) => hasExternalPipeWorks ? WithExternalPipe : WithoutExternalPipe;

    public static PipeCells Of(StageDays without, StageDays with) => new() { WithoutExternalPipe = without, WithExternalPipe = with };
}

/// <summary>
/// One cell in working days. No <see cref="SurveyDays"/> is the table's "—" (no survey stage); no
/// <see cref="ConnectionDays"/> either is "按现行服务标准执行" (the current service standard, no fixed limit).
/// In configuration an empty string clears a value.
/// </summary>
public sealed class StageDays
{
    public int? SurveyDays { get; set; }
    public int? ConnectionDays { get; set; }

    public static StageDays Of(int? surveyDays, int connectionDays) => new() { SurveyDays = surveyDays, ConnectionDays = connectionDays };

    public static StageDays CurrentServiceStandard() => new();
}
