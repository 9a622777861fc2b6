using System.Text.Json;
using PricingApi.Http;
using PricingApi.LegalBases;
using PricingApi.Seeding;

namespace PricingApi.Tests.LegalBases;

/// <summary>The shipped register, and the seed's citations checked against it.</summary>
public class LegalBasisRegisterTests
{
    private static readonly string Seed = Path.Combine(AppContext.BaseDirectory, "seed");

    private static LegalBasisRegister Shipped(string profile = "kunming") =>
        LegalBasisRegister.Load(new LegalBasisOptions { Path = Path.Combine(Seed, "legal-bases.json"), Profile = profile });

    private static LegalBasisFile ShippedFile() =>
        JsonSerializer.Deserialize<LegalBasisFile>(File.ReadAllBytes(Path.Combine(Seed, "legal-bases.json")), PricingJson.Options)!;

    [Fact]
    public void EverySeedItemCitesAClauseOfTheKunmingRegisterOnItsSideOfTheLine()
    {
        var register = Shipped();
        var seed = JsonSerializer.Deserialize<SeedCatalog>(File.ReadAllBytes(Path.Combine(Seed, "catalog.json")), PricingJson.Options)!;

        Assert.All(seed.BasicServices, b =>
        {
            var basis = register.Find(b.LegalBasis);
            Assert.True(basis is { MakesFree: true }, $"{b.Code} cites '{b.LegalBasis}', which is not a clause that makes a service free.");
        });
        Assert.All(seed.ExtendedServices, e =>
        {
            var basis = register.Find(e.LegalBasis);
            Assert.True(basis is { MakesFree: false }, $"{e.Code} cites '{e.LegalBasis}', which is not a clause that allows a charge.");
            Assert.Equal("kunming-2022-1/3.9", basis!.Id);
        });
    }

    [Fact]
    public void TheKunmingSeedCitesNoChangchunDocumentAndTheNationalBasisForMetersAndConnection()
    {
        var seed = JsonSerializer.Deserialize<SeedCatalog>(File.ReadAllBytes(Path.Combine(Seed, "catalog.json")), PricingJson.Options)!;
        var cited = seed.BasicServices.Concat(seed.ExtendedServices).ToDictionary(s => s.Code!, s => s.LegalBasis!);

        Assert.DoesNotContain(cited.Values, id => id.StartsWith("changchun", StringComparison.Ordinal));
        Assert.DoesNotContain("BAS-MAIL", cited.Keys); // a Changchun service, in the Changchun profile
        Assert.Equal("gbh-2020-129/metering", cited["BAS-METER"]);
        Assert.Equal("gbh-2020-129/water-connection", cited["BAS-CONNECT"]);
        Assert.Equal("gbh-2020-129/water-connection", cited["BAS-APPLY"]);
        Assert.Equal("kunming-2022-1/3.5", cited["BAS-EXTERNAL-PIPE"]);
        Assert.True(seed.Sample);
        // The road-repair cost is split: the utility builds, the government's share comes from the budget.
        var road = seed.BasicServices.Single(b => b.Code == "BAS-ROAD-RESTORE");
        Assert.Contains("供水企业负责建设", road.Description);
        Assert.Contains("由政府承担的部分", road.Description);
    }

    [Fact]
    public void EveryBasicServiceOfTheKunmingRegisterIsOnTheSeededList()
    {
        var seed = JsonSerializer.Deserialize<SeedCatalog>(File.ReadAllBytes(Path.Combine(Seed, "catalog.json")), PricingJson.Options)!;
        Assert.Equal(Shipped().BasicServices.Select(b => b.Code).Order(), seed.BasicServices.Select(b => b.Code!).Order());
    }

    [Fact]
    public void AProfileSeesNationalDocumentsAndItsOwnButNotAnotherCitys()
    {
        var kunming = Shipped("kunming");
        var changchun = Shipped("changchun");

        Assert.NotNull(kunming.Find("gbh-2020-129/metering"));
        Assert.NotNull(changchun.Find("gbh-2020-129/metering"));
        Assert.Null(kunming.Find("changchun-xinqu-2022/4.1.1-service"));
        Assert.Null(changchun.Find("kunming-2022-1/3.9"));
        Assert.Contains(changchun.BasicServices, b => b.Code == "BAS-MAIL");
        Assert.Equal("《昆明自来水集团有限公司持续优化2022年营商环境工作实施方案》（昆水集技〔2022〕1号）三（九）试点开展延伸服务",
            kunming.Find("kunming-2022-1/3.9")!.Citation);
    }

    [Fact]
    public void AClauseThatDoesNotSayWhetherItMakesAServiceFreeStopsTheStart()
    {
        var file = ShippedFile();
        file.Documents[0].Clauses[0].MakesFree = null;

        var error = Assert.Throws<InvalidOperationException>(() => LegalBasisRegister.From(file, "kunming", "test"));
        Assert.Contains($"Clause {file.Documents[0].Clauses[0].Id}", error.Message);
    }

    [Fact]
    public void ABasicServiceOnAClauseThatAllowsAChargeStopsTheStart()
    {
        var file = ShippedFile();
        file.Profiles["kunming"].BasicServices[0].LegalBasis = "kunming-2022-1/3.9";

        var error = Assert.Throws<InvalidOperationException>(() => LegalBasisRegister.From(file, "kunming", "test"));
        Assert.Contains("allows a charge", error.Message);
    }

    [Fact]
    public void ABasicServiceOnAnotherCitysDocumentAndAnUnknownProfileStopTheStart()
    {
        var file = ShippedFile();
        file.Profiles["kunming"].BasicServices[0].LegalBasis = "changchun-xinqu-2022/4.1.1-zero-cost";
        Assert.Contains("a document of profile 'changchun'",
            Assert.Throws<InvalidOperationException>(() => LegalBasisRegister.From(file, "kunming", "test")).Message);

        Assert.Contains("There is no profile 'shenzhen'",
            Assert.Throws<InvalidOperationException>(() => LegalBasisRegister.From(ShippedFile(), "shenzhen", "test")).Message);
    }

    [Theory]
    [InlineData("供水报装受理费", "BAS-APPLY")]
    [InlineData("贸易结算水表购置及安装", "BAS-METER")]
    [InlineData("现场 踏勘（加急）", "BAS-SURVEY")]
    // Connection fees of every name were abolished (国办函〔2020〕129号): these are the basic services under their old fees' names.
    [InlineData("通水费", "BAS-CONNECT")]
    [InlineData("通水调试费", "BAS-CONNECT")]
    [InlineData("报装费", "BAS-APPLY")]
    [InlineData("报装申请受理", "BAS-APPLY")]
    // Names a pricing administrator published as paid services (a hostile test): the application, survey, connection,
    // road restoration and meter of the basic services, under everyday names, and in traditional characters.
    [InlineData("加急报装服务", "BAS-APPLY")]
    [InlineData("供水報裝受理", "BAS-APPLY")]
    [InlineData("现场勘察", "BAS-SURVEY")]
    [InlineData("供水接入", "BAS-EXTERNAL-PIPE")]
    [InlineData("外线管道接入", "BAS-EXTERNAL-PIPE")]
    [InlineData("外线路面恢复", "BAS-ROAD-RESTORE")]
    [InlineData("装表接水", "BAS-METER")]
    [InlineData("用水扩容办理", "BAS-CONNECT")]
    [InlineData("新装用水", "BAS-CONNECT")]
    [InlineData("开通用水", "BAS-CONNECT")]
    public void AnotherNameForABasicServiceIsRecognised(string name, string code)
    {
        Assert.Contains(Shipped().BasicServices, b => b.Code == code && ServiceNames.Names(name, b));
    }

    [Theory]
    [InlineData("二次供水水箱（池）清洗消毒（容积20立方米及以下）")]
    [InlineData("表后阀门更换（DN25及以下）")]
    [InlineData("二次供水增压泵保养")]
    [InlineData("加压水泵维修调试")] // commissioning the customer's own pump is paid work, not the abolished connection 调试费
    [InlineData("加压水泵维修调试费")]
    [InlineData("室内排水管道疏通")] // 疏通水管 holds 通水: why the bare 通水 is not a name of the connection
    [InlineData("表后管道漏水检测")]
    // Names of the basic work's words inside paid work on the customer's side: why the bare 装表, 扩容 and 道路修复 are not names.
    [InlineData("改装表箱")]
    [InlineData("安装表前阀门")]
    [InlineData("二次供水设施扩容改造")]
    [InlineData("小区内道路修复")]
    public void TheSeedsExtendedServicesAreNotTakenForBasicOnes(string name)
    {
        Assert.DoesNotContain(Shipped().BasicServices, b => ServiceNames.Names(name, b));
    }
}
