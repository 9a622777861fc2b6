using PricingApi.Pricing;

namespace PricingApi.Connections;

/// <summary>
/// The answer to POST /api/connections/assessments. The project fields (category … model11000) are present only
/// when the request described the project.
/// </summary>
public sealed record AssessmentResponse(
    bool ConnectionFree,
    decimal ApplicationFee,
    PaidBy MeterPaidBy,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> ReasonsEn,
    IReadOnlyList<ExceededResponse> Exceeded,
    ProjectCategory? Category = null,
    string? CategoryName = null,
    string? CategoryNameEn = null,
    IReadOnlyList<StageResponse>? Stages = null,
    int? WorkingDays = null,
    bool? CurrentServiceStandard = null,
    bool? Model11000 = null)
{
    public static AssessmentResponse From(ConnectionAssessment assessment)
    {
        var response = new AssessmentResponse(
            assessment.FreeConnection.Free,
            ConnectionAssessment.ApplicationFee,
            assessment.MeterPaidBy,
            assessment.Reasons.Select(r => r.Zh).ToList(),
            assessment.Reasons.Select(r => r.En).ToList(),
            assessment.FreeConnection.Exceeded.Select(e => new ExceededResponse(e.Bound, e.Limit, e.Actual, e.Excess, e.Unit)).ToList());
        if (assessment.Project is not { } project)
        {
            return response;
        }

        var name = ConnectionTerms.Name(project.Category);
        return response with
        {
            Category = project.Category,
            CategoryName = name.Zh,
            CategoryNameEn = name.En,
            Stages = project.TimeLimit?.Stages.Select(StageResponse.From).ToList(),
            WorkingDays = project.TimeLimit?.TotalWorkingDays,
            CurrentServiceStandard = project.TimeLimit is null,
            Model11000 = project.ElevenThousandModel,
        };
    }
}

/// <summary>A free-connection bound the connection goes beyond: <c>excess</c> = <c>actual</c> − <c>limit</c>, in <c>unit</c> (mm or m).</summary>
public sealed record ExceededResponse(ConnectionBound Bound, decimal Limit, decimal Actual, decimal Excess, string Unit);

/// <summary>One stage of the process and its limit in working days.</summary>
public sealed record StageResponse(AssessmentStage Stage, string Name, string NameEn, int WorkingDays)
{
    public static StageResponse From(StageLimit stage)
    {
        var name = ConnectionTerms.Name(stage.Stage);
        return new(stage.Stage, name.Zh, name.En, stage.WorkingDays);
    }
}
