using PricingApi.Connections;
using PricingApi.Pricing;

namespace PricingApi.Tests.Connections;

public class ConnectionAssessorTests
{
    private static readonly ConnectionAssessor Kunming = new(new ConnectionOptions());

    private static readonly ProjectFacts SmallFactory =
        new(ConnectionKind.New, HasExternalPipeWorks: false, DataOnGovernmentPlatform: true, BuildingType.StandardFactory, 8_000m, 18m, false);

    [Fact]
    public void CostQuestionsAloneGiveNoProjectAnswer()
    {
        var result = Kunming.Assess(new(40, 200m, CustomerType.NonResidential));

        Assert.True(result.FreeConnection.Free);
        Assert.Equal(0.00m, ConnectionAssessment.ApplicationFee);
        Assert.Equal(PaidBy.Utility, result.MeterPaidBy);
        Assert.Null(result.Project);
        Assert.Equal(
        [
            "供水报装受理不收取任何费用，申请费为 0 元。",
            "接水装表口径 DN40 在 DN40 及以下，外线管道长度 200 米在 200 米以内（从公共供水管道接口量至结算水表后一米，含水表），属于小型项目免费接入：外线工程及路面修复、绿化树木移栽等费用不由用户承担，用户 0 费用。",
            "贸易结算水表的购置及安装费用由供水企业承担，用户无需支付。",
        ], result.Reasons.Select(r => r.Zh));
    }

    [Fact]
    public void ANotFreeConnectionSaysEachBoundItExceedsAndThatItIsCostedPerProject()
    {
        var result = Kunming.Assess(new(50, 200.01m, CustomerType.NonResidential, HousingDevelopment.AffordableHousing));

        Assert.False(result.FreeConnection.Free);
        Assert.Equal(PaidBy.Developer, result.MeterPaidBy);
        var zh = result.Reasons.Select(r => r.Zh).ToList();
        Assert.Contains("接水装表口径 DN50 大于免费接入上限 DN40（大 10 毫米）。", zh);
        Assert.Contains("外线管道长度 200.01 米超过免费接入上限 200 米（超出 0.01 米）。", zh);
        Assert.Contains(zh, r => r.Contains("接入费用按现行服务标准逐项目核定"));
        Assert.Contains("水表位于保障性住房建筑区划红线内，其购置及安装费用纳入房屋开发建设成本，由开发建设单位承担。", zh);
        Assert.Contains(result.Reasons, r => r.En == "The meter is DN50, above the free-connection limit of DN40 (by 10 mm).");
        Assert.DoesNotContain(zh, r => r.Contains("用户 0 费用"));
    }

    [Fact]
    public void ALowRiskProjectWithoutPipeWorksOnThePlatformGetsTheElevenThousandModel()
    {
        var result = Kunming.Assess(new(25, 15m, CustomerType.NonResidential, Project: SmallFactory));

        var project = Assert.IsType<ProjectAssessment>(result.Project);
        Assert.Equal(ProjectCategory.LowRisk, project.Category);
        Assert.True(project.ElevenThousandModel);
        Assert.Equal(1, project.TimeLimit!.TotalWorkingDays);
        Assert.Contains(result.Reasons, r => r.Zh == "项目信息已可从政府工程建设项目平台提前获取，低风险项目（无外线工程）的办理环节及时限：接入通水 1 个工作日，合计不超过 1 个工作日。");
        Assert.Equal(AssessmentReasons.ElevenThousand, result.Reasons[^1]);
    }

    [Fact]
    public void AGeneralProjectBeforeThePlatformHasTheDataListsBothStages()
    {
        var result = Kunming.Assess(new(100, 150m, CustomerType.NonResidential,
            Project: SmallFactory with { HasExternalPipeWorks = true, DataOnGovernmentPlatform = false }));

        Assert.Equal(ProjectCategory.General, result.Project!.Category);
        Assert.False(result.Project.ElevenThousandModel);
        Assert.Contains(result.Reasons, r => r.En == "Before the project's data is on the government construction-project platform, general project (with external pipe works): "
                                                     + "site survey and review 3 working days, connection and turn-on 5 working days; at most 8 working days in all.");
    }

    [Fact]
    public void OtherResidentialSaysItFollowsTheCurrentServiceStandard()
    {
        var result = Kunming.Assess(new(50, 80m, CustomerType.Residential, HousingDevelopment.CommercialHousing,
            new ProjectFacts(ConnectionKind.New, true, true, InsideSupplyArea: true)));

        Assert.Equal(ProjectCategory.OtherResidential, result.Project!.Category);
        Assert.Null(result.Project.TimeLimit);
        Assert.Equal("其他居民项目的办理环节及时限按现行服务标准执行。", result.Reasons[^1].Zh);
    }
}
