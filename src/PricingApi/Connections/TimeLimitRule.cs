namespace PricingApi.Connections;

public sealed record StageLimit(AssessmentStage Stage, int WorkingDays);

/// <summary>The stages a project goes through, each with its working-day limit, and their total.</summary>
public sealed record TimeLimit(IReadOnlyList<StageLimit> Stages, int TotalWorkingDays);

/// <summary>Reads the Kunming time-limit tables (三(三)) and decides the "11000" model.</summary>
public static class TimeLimitRule
{
    /// <summary>The stages and working days of a category; null where the table says 按现行服务标准执行.</summary>
    public static TimeLimit? Lookup(ProjectCategory category, bool hasExternalPipeWorks, bool dataOnGovernmentPlatform, TimeLimitOptions tables)
    {
        var table = dataOnGovernmentPlatform ? tables.AfterPlatformData : tables.BeforePlatformData;
        var cell = table.For(category).For(hasExternalPipeWorks);
        if (cell.ConnectionDays is not { } connectionDays)
        {
            return null;
        }

        var stages = new List<StageLimit>();
        if (cell.SurveyDays is { } surveyDays)
        {
            stages.Add(new(AssessmentStage.SiteSurvey, surveyDays));
        }

        stages.Add(new(AssessmentStage.Connection, connectionDays));
        return new(stages, stages.Sum(s => s.WorkingDays));
    }

    /// <summary>
    /// "11000" (三(三)2): a low-risk project without external pipe works, once its data is on the government platform:
    /// 1 step, 1 working day, 0 documents, 0 cost, 0 visits. Since it promises 0 cost, it is never offered for a
    /// connection outside the free-connection bounds (possible only where a city sets those tighter than low-risk).
    /// </summary>
    public static bool ElevenThousandModelApplies(ProjectCategory category, bool hasExternalPipeWorks, bool dataOnGovernmentPlatform, bool connectionFree, TimeLimitOptions tables) =>
        tables.LowRiskElevenThousandModel && category == ProjectCategory.LowRisk && !hasExternalPipeWorks && dataOnGovernmentPlatform && connectionFree;
}
