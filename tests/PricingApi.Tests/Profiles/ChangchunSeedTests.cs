using System.Net;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;

namespace PricingApi.Tests.Profiles;

/// <summary>
/// Utility:Profile=changchun seeds Changchun's own catalog (seed/catalog-changchun.json: the free basic services of
/// 新区供水公司's 2022 plan, citing its clauses) and reads Changchun's part of the register, without LegalBases:Profile.
/// The plan prices no extended service, so none is seeded: one is added and published before anything is quoted.
/// </summary>
public class ChangchunSeedTests
{
    private static readonly Dictionary<string, string?> Changchun = new() { ["Utility:Profile"] = "changchun" };

    [Fact]
    public async Task AChangchunInstanceSeedsPublishesAndQuotesFromItsOwnCatalogWithItsOwnCitations()
    {
        await using var app = new PricingApiFactory(settings: Changchun);
        var anonymous = app.CreateAnonymousClient();
        var admin = app.CreateAdmin();

        var seeded = await (await anonymous.GetAsync("/api/fee-list")).JsonBodyAsync();
        Assert.Equal(1, seeded["version"]!.GetValue<int>());
        Assert.Equal("新区供水公司", seeded.Text("publisher"));
        var basic = seeded["basicServices"]!.AsArray();
        Assert.Equal(["BAS-APPLY", "BAS-CONNECT", "BAS-MAIL", "BAS-METER", "BAS-METER-DEVELOPMENT"], basic.Select(b => b!.Text("code")).Order());
        Assert.Empty(seeded["extendedServices"]!.AsArray());
        var text = await (await anonymous.GetAsync("/api/fee-list")).Content.ReadAsStringAsync();
        // Items cite the register's clauses by their text: here the plan's 四（一）1 (零成本, and 优服务 for the mailing).
        Assert.Contains("2022年新区供水公司优化营商环境工作提升方案", text);
        Assert.Contains("四（一）1 优服务", text);
        Assert.DoesNotContain("昆明", text);

        // The register follows the profile: Changchun's documents, not Kunming's.
        var register = await (await admin.GetAsync("/api/admin/legal-bases")).Content.ReadAsStringAsync();
        Assert.Contains("changchun-xinqu-2022/4.1.1-extended", register);
        Assert.DoesNotContain("kunming-2022-1", register);
        var kunmingCitation = await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-CC-WRONG"));
        // Another city's clause is not in this register: a 400 naming the field.
        Assert.Equal(HttpStatusCode.BadRequest, kunmingCitation.StatusCode);
        Assert.Contains("\"legalBasis\"", await kunmingCitation.Content.ReadAsStringAsync());

        await admin.AddServiceAsync(Requests.Extended("EXT-CC-CLEAN").With("legalBasis", "changchun-xinqu-2022/4.1.1-extended"));
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(2, await admin.PublishAsync());

        var quote = await app.CreateClient("staff").IssueAsync(QuoteRequests.Quote(("EXT-CC-CLEAN", 2m))
            .With("customer", QuoteRequests.Customer("长春市中韩（长春）国际合作示范区", street: null)));
        Assert.StartsWith("XQ-", quote.Text("number"));
        var line = quote["lines"]!.AsArray().Single()!;
        Assert.Equal("EXT-CC-CLEAN", line.Text("serviceCode"));
        Assert.Contains("四（一）1 优服务（个性化延伸服务）", line.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task KunmingStillSeedsItsOwnCatalogAndRegister()
    {
        await using var app = new PricingApiFactory();
        var text = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list")).Content.ReadAsStringAsync();
        Assert.Contains("三（九）试点开展延伸服务", text);
        Assert.DoesNotContain("新区供水公司", text);
        var register = await (await app.CreateAdmin().GetAsync("/api/admin/legal-bases")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("changchun-xinqu-2022", register);
    }
}
