namespace PricingApi.Connections;

/// <summary>
/// Answers "what will this connection cost me, who pays for the meter, and how long will it take?" under the
/// basic-service rules, with the reasons in words. Plain C#: the policy comes in as <see cref="ConnectionOptions"/>.
/// </summary>
public sealed class ConnectionAssessor(ConnectionOptions options)
{
    public ConnectionAssessment Assess(ConnectionFacts facts)
    {
        var free = FreeConnectionRule.Assess(facts.MeterDiameterMm, facts.ExternalPipeLengthM, options.FreeConnection);
        var reasons = new List<Bilingual> { AssessmentReasons.ApplicationFree };
        reasons.AddRange(AssessmentReasons.FreeConnection(facts.MeterDiameterMm, facts.ExternalPipeLengthM, free, options.FreeConnection));
        reasons.Add(AssessmentReasons.Meter(facts.Development));

        var project = facts.Project is { } described ? AssessProject(facts, described, free.Free, reasons) : null;
        return new(free, MeterPayerRule.PaidBy(facts.Development), project, reasons);
    }

    private ProjectAssessment AssessProject(ConnectionFacts facts, ProjectFacts project, bool connectionFree, List<Bilingual> reasons)
    {
        var classification = ProjectClassifier.Classify(facts.MeterDiameterMm, facts.ExternalPipeLengthM, facts.CustomerType, project, options.Categories);
        var category = classification.Category;
        var limit = TimeLimitRule.Lookup(category, project.HasExternalPipeWorks, project.DataOnGovernmentPlatform, options.TimeLimits);
        var elevenThousand = TimeLimitRule.ElevenThousandModelApplies(
            category, project.HasExternalPipeWorks, project.DataOnGovernmentPlatform, connectionFree, options.TimeLimits);

        reasons.Add(classification.Why);
        reasons.Add(AssessmentReasons.TimeLimit(category, project.HasExternalPipeWorks, project.DataOnGovernmentPlatform, limit));
        if (elevenThousand)
        {
            reasons.Add(AssessmentReasons.ElevenThousand);
        }

        return new(category, limit, elevenThousand);
    }
}
