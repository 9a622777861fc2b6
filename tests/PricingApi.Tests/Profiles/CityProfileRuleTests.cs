using System.Net;
using PricingApi.Connections;
using PricingApi.Profiles;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;
using static PricingApi.Tests.Connections.ConnectionAssessmentTests;

namespace PricingApi.Tests.Profiles;

/// <summary>
/// The same connection and quote cases under each city profile (Utility:Profile), each with its own document's numbers:
/// Kunming 三(一)–(五) and 三(九), Changchun 二 and 四 (a 3000 m² small project, 5000 m² offices strictly below 24 m,
/// 50000 m² warehouses, 2 working days without external pipe works).
/// </summary>
public class CityProfileRuleTests
{
    private static ProjectFacts Building(BuildingType type, decimal area, decimal height) =>
        new(ConnectionKind.New, HasExternalPipeWorks: false, DataOnGovernmentPlatform: true, type, area, height, InvolvesHazardousGoods: false);

    public static TheoryData<string, string, int, decimal, ProjectCategory, bool, int?> Cases => new()
    {
        // case, profile, DN, pipe length, category, free connection, working days (null: the current service standard)
        { "factory 10000 m² 24 m DN40", "kunming", 40, 200m, ProjectCategory.LowRisk, true, 1 },
        { "factory 10000 m² 24 m DN40", "changchun", 40, 200m, ProjectCategory.LowRiskIndustrial, true, 2 },
        { "factory 10000 m² 24 m DN50", "kunming", 50, 200m, ProjectCategory.General, false, 2 },
        { "factory 10000 m² 24 m DN50", "changchun", 50, 200m, ProjectCategory.LowRiskIndustrial, false, 2 },
        { "factory 50000.01 m² 30 m DN50", "kunming", 50, 100m, ProjectCategory.OtherNonResidential, false, 4 },
        { "factory 50000.01 m² 30 m DN50", "changchun", 50, 100m, ProjectCategory.General, false, 2 },
        { "office 3000 m² 10 m DN40", "kunming", 40, 200m, ProjectCategory.OtherNonResidential, true, 4 },
        { "office 3000 m² 10 m DN40", "changchun", 40, 200m, ProjectCategory.SmallNonResidential, true, 2 },
        { "office 3000 m² 10 m DN40 201 m", "changchun", 40, 201m, ProjectCategory.LowRiskIndustrial, false, 2 },
        { "office 5000 m² 23.99 m DN50", "changchun", 50, 100m, ProjectCategory.LowRiskIndustrial, false, 2 },
        { "office 5000 m² 24 m DN50", "changchun", 50, 100m, ProjectCategory.General, false, 2 },   // 低于24米 is strict
        { "office 5000.01 m² 10 m DN50", "changchun", 50, 100m, ProjectCategory.General, false, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachProfileAssessesWithItsOwnNumbers(string @case, string profile, int dn, decimal length, ProjectCategory category, bool free, int? days)
    {
        var options = new ConnectionOptions();
        CityProfiles.For(profile).Connections(options);
        Assert.True(new ConnectionOptionsValidator().Validate(options).IsValid, $"{profile}'s connection options are refused");
        var parts = @case.Split(' ');
        var type = parts[0] == "office" ? BuildingType.OfficeOrCommercial : BuildingType.StandardFactory;
        var facts = new ConnectionFacts(dn, length, CustomerType.NonResidential,
            Project: Building(type, decimal.Parse(parts[1]), decimal.Parse(parts[3])));

        var assessment = new ConnectionAssessor(options).Assess(facts);

        Assert.Equal(category, assessment.Project!.Category);
        Assert.Equal(free, assessment.FreeConnection.Free);
        Assert.Equal(days, assessment.Project.TimeLimit?.TotalWorkingDays);
    }

    [Fact]
    public void ChangchunSaysWhichBandAProjectMissedAndWhy()
    {
        var options = new ConnectionOptions();
        CityProfiles.For("changchun").Connections(options);

        var assessment = new ConnectionAssessor(options).Assess(new ConnectionFacts(50, 100m, CustomerType.NonResidential,
            Project: Building(BuildingType.OfficeOrCommercial, 5000m, 24m)));

        Assert.Contains(assessment.Reasons, r => r.Zh.Contains("建筑高度 24 米，不低于 24 米", StringComparison.Ordinal) && r.Zh.EndsWith("属于一般项目。", StringComparison.Ordinal));
        Assert.False(assessment.Project!.ElevenThousandModel);
    }

    [Theory]
    [InlineData("kunming", "low-risk", "低风险项目", 1)]
    [InlineData("changchun", "low-risk-industrial", "低风险工业项目", 2)]
    public async Task AssessmentRouteAnswersUnderTheConfiguredProfile(string profile, string category, string name, int days)
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["Utility:Profile"] = profile });

        var body = await (await app.CreateAnonymousClient().PostJsonAsync("/api/connections/assessments", Body(dn: 25, length: 20m).With("project", Factory())))
            .JsonBodyAsync();

        Assert.Equal(category, body["category"]!.GetValue<string>());
        Assert.Equal(name, body["categoryName"]!.GetValue<string>());
        Assert.Equal(days, body["workingDays"]!.GetValue<int>());
        Assert.True(body["connectionFree"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("kunming", "五华区", "华山街道", "Q-2026-000001", "水工集团", "昆明自来水集团有限公司", "呈贡区")]
    [InlineData("changchun", "长春市中韩（长春）国际合作示范区", null, "XQ-2026-000001", "新区供水公司", "新区供水公司", "五华区")]
    public async Task QuotesFollowTheProfilesAreaProvidersAndNumbering(
        string profile, string district, string? street, string number, string provider, string publisher, string outside)
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["Utility:Profile"] = profile });
        var staff = app.CreateClient("staff");
        if (profile == "changchun")
        {
            // Changchun's seed has no extended service (its plan prices none): add the one quoted here, citing its own clause.
            var admin = app.CreateAdmin();
            await admin.AddServiceAsync(Requests.Extended("EXT-TEST-9").With("legalBasis", "changchun-xinqu-2022/4.1.1-extended"));
            app.Clock.Advance(TimeSpan.FromHours(1));
            await admin.PublishAsync();
        }

        var quote = await staff.IssueAsync(QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer(district, street: street)));
        var refused = await staff.WithoutAcceptLanguage().PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer(outside, street: null)));
        var list = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list")).JsonBodyAsync();

        Assert.Equal(number, quote.Text("number"));
        Assert.Equal(provider, quote["provider"]!.Text("name"));
        Assert.Equal(publisher, list.Text("publisher"));
        Assert.Contains("不在延伸服务试点区域内", (await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail"));
    }

    [Fact]
    public void AnUnknownProfileStopsTheStartWithTheChoices() =>
        Assert.Contains("kunming, changchun", Assert.Throws<InvalidOperationException>(() => CityProfiles.For("shanghai")).Message);
}
