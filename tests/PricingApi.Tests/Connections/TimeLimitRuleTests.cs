using PricingApi.Connections;

namespace PricingApi.Tests.Connections;

/// <summary>Every cell of the Kunming tables (seed 002, 三(三)1 and 2): survey days / connection days / total.</summary>
public class TimeLimitRuleTests
{
    private static readonly TimeLimitOptions Kunming = new();

    [Theory]
    // 1. Before the government platform holds the project's data.
    [InlineData(ProjectCategory.LowRisk, false, false, 1, 1, 2)]
    [InlineData(ProjectCategory.LowRisk, true, false, 2, 3, 5)]
    [InlineData(ProjectCategory.General, false, false, 2, 2, 4)]
    [InlineData(ProjectCategory.General, true, false, 3, 5, 8)]
    [InlineData(ProjectCategory.OtherNonResidential, false, false, 2, 2, 4)]
    [InlineData(ProjectCategory.OtherNonResidential, true, false, 3, 5, 8)]
    [InlineData(ProjectCategory.SporadicResidential, false, false, 1, 1, 2)]
    [InlineData(ProjectCategory.SporadicResidential, true, false, 1, 1, 2)]
    // 2. After: the survey is done in advance (—) for low-risk and general projects.
    [InlineData(ProjectCategory.LowRisk, false, true, null, 1, 1)]
    [InlineData(ProjectCategory.LowRisk, true, true, null, 2, 2)]
    [InlineData(ProjectCategory.General, false, true, null, 2, 2)]
    [InlineData(ProjectCategory.General, true, true, null, 5, 5)]
    [InlineData(ProjectCategory.OtherNonResidential, false, true, 2, 2, 4)]
    [InlineData(ProjectCategory.OtherNonResidential, true, true, 3, 5, 8)]
    [InlineData(ProjectCategory.SporadicResidential, false, true, 1, 1, 2)]
    [InlineData(ProjectCategory.SporadicResidential, true, true, 1, 1, 2)]
    public void EachTableCellGivesItsStagesAndTotal(ProjectCategory category, bool pipe, bool onPlatform, int? surveyDays, int connectionDays, int total)
    {
        var limit = TimeLimitRule.Lookup(category, pipe, onPlatform, Kunming);

        Assert.NotNull(limit);
        var expected = new List<StageLimit>();
        if (surveyDays is { } survey)
        {
            expected.Add(new(AssessmentStage.SiteSurvey, survey));
        }

        expected.Add(new(AssessmentStage.Connection, connectionDays));
        Assert.Equal(expected, limit.Stages);
        Assert.Equal(total, limit.TotalWorkingDays);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void OtherResidentialFollowsTheCurrentServiceStandard(bool pipe, bool onPlatform) =>
        Assert.Null(TimeLimitRule.Lookup(ProjectCategory.OtherResidential, pipe, onPlatform, Kunming));

    [Fact]
    public void ElevenThousandModelIsLowRiskWithoutPipeWorksOnceDataIsOnThePlatform()
    {
        Assert.True(TimeLimitRule.ElevenThousandModelApplies(ProjectCategory.LowRisk, false, true, true, Kunming));

        Assert.False(TimeLimitRule.ElevenThousandModelApplies(ProjectCategory.LowRisk, true, true, true, Kunming));   // pipe works
        Assert.False(TimeLimitRule.ElevenThousandModelApplies(ProjectCategory.LowRisk, false, false, true, Kunming)); // data not yet on the platform
        Assert.False(TimeLimitRule.ElevenThousandModelApplies(ProjectCategory.General, false, true, true, Kunming));
        Assert.False(TimeLimitRule.ElevenThousandModelApplies(ProjectCategory.SporadicResidential, false, true, true, Kunming));
    }

    [Fact]
    public void ElevenThousandModelNeverPromisesZeroCostForAConnectionThatIsNotFree() =>
        Assert.False(TimeLimitRule.ElevenThousandModelApplies(ProjectCategory.LowRisk, false, true, connectionFree: false, Kunming));

    [Fact]
    public void ACityWithoutTheElevenThousandModelCanSwitchItOff() =>
        Assert.False(TimeLimitRule.ElevenThousandModelApplies(ProjectCategory.LowRisk, false, true, true, new TimeLimitOptions { LowRiskElevenThousandModel = false }));

    [Fact]
    public void TheTablesArePolicyParameters()
    {
        var options = new TimeLimitOptions();
        options.AfterPlatformData.General.WithExternalPipe = StageDays.Of(1, 3);
        options.BeforePlatformData.LowRisk.WithoutExternalPipe = StageDays.CurrentServiceStandard();

        Assert.Equal(4, TimeLimitRule.Lookup(ProjectCategory.General, true, true, options)!.TotalWorkingDays);
        Assert.Null(TimeLimitRule.Lookup(ProjectCategory.LowRisk, false, false, options));
    }
}
