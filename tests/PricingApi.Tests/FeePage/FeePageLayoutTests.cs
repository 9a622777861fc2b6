using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeePage;

/// <summary>How the page is laid out for a reader: contents to jump to, the changes first, the items in the catalog's order, a printed footer.</summary>
public partial class FeePageLayoutTests
{
    [Fact]
    public async Task TheContentsLinkToEachPartAndEachCategoryAndEveryLinkHasItsTarget()
    {
        await using var app = new PricingApiFactory();

        var html = await app.CreateAnonymousClient().GetStringAsync("/fees");

        var nav = html[html.IndexOf("<nav class=\"contents\" id=\"contents\" aria-label=\"本页内容 On this page\">", StringComparison.Ordinal)..];
        nav = nav[..nav.IndexOf("</nav>", StringComparison.Ordinal)];
        var targets = Anchor().Matches(nav).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["basic", "area", "cat-maintenance", "cat-cleaning", "cat-water-testing", "bases"], targets);
        Assert.Contains("<a href=\"#cat-cleaning\">清洗 <span lang=\"en\">Cleaning</span></a>", nav);
        foreach (var target in targets)
        {
            Assert.Contains($"id=\"{target}\"", html);
        }

        // Each category ends with a way back to the contents, for a reader several screens down on a phone.
        Assert.Equal(3, Regex.Count(html, "<p class=\"to-contents\"><a href=\"#contents\">"));
    }

    [Fact]
    public async Task OnAVersionsPageWhatItChangedComesBeforeTheLists()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateAdmin();
        await admin.RepriceAsync("EXT-TANK-CLEAN-20", 880.00m);
        await admin.PublishAsync(FeeListChanges.FirstOfDecember);

        var html = await app.CreateAnonymousClient().GetStringAsync("/fees/2");

        var changes = html.IndexOf("<h2 id=\"changes\">本版变更", StringComparison.Ordinal);
        Assert.True(changes > 0);
        Assert.True(changes < html.IndexOf("id=\"basic\"", StringComparison.Ordinal));
        Assert.True(changes < html.IndexOf("id=\"extended\"", StringComparison.Ordinal));
        Assert.Contains("<li><a href=\"#changes\">本版变更 <span lang=\"en\">Changes in this version</span></a></li>", html);
        Assert.DoesNotContain("href=\"#changes\"", await app.CreateAnonymousClient().GetStringAsync("/fees/1"));
    }

    [Fact]
    public async Task ANewItemGoesToTheEndOfItsCategoryNotAboveTheItemsAlreadyListed()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateAdmin();
        await admin.AddServiceAsync(Requests.Extended("EXT-TANK-CLEAN-300")
            .With("name", "二次供水水箱（池）清洗消毒（容积200至300立方米）").With("nameEn", "Tank cleaning (200 to 300 m³)"));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await admin.PublishAsync();
        var client = app.CreateAnonymousClient();

        var list = JsonNode.Parse(await client.GetStringAsync("/api/fee-list"))!;
        var html = await client.GetStringAsync("/fees");

        var cleaning = list["extendedServices"]!.AsArray().Where(s => s!["category"]!.GetValue<string>() == "cleaning")
            .Select(s => s!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(["EXT-TANK-CLEAN-20", "EXT-TANK-CLEAN-50", "EXT-TANK-CLEAN-100", "EXT-TANK-CLEAN-200", "EXT-PIPE-FLUSH-DN25", "EXT-PIPE-FLUSH-DN50", "EXT-TANK-CLEAN-300"], cleaning);
        Assert.True(html.IndexOf(">EXT-TANK-CLEAN-20<", StringComparison.Ordinal) < html.IndexOf(">EXT-TANK-CLEAN-300<", StringComparison.Ordinal));
    }

    [Fact]
    public void ItemsWithTheSamePlaceAreOrderedByCodeWithNumbersComparedAsNumbers()
    {
        string[] codes = ["EXT-TANK-CLEAN-200", "EXT-TANK-CLEAN-100", "EXT-TANK-CLEAN-20", "EXT-TANK-CLEAN-50", "EXT-PIPE-FLUSH-DN50", "EXT-PIPE-FLUSH-DN25"];

        var ordered = codes.Order(PricingApi.Publishing.FeeListSnapshot.CodeOrder).ToList();

        Assert.Equal(["EXT-PIPE-FLUSH-DN25", "EXT-PIPE-FLUSH-DN50", "EXT-TANK-CLEAN-20", "EXT-TANK-CLEAN-50", "EXT-TANK-CLEAN-100", "EXT-TANK-CLEAN-200"], ordered);
    }

    [Fact]
    public async Task EachPrintedSheetsFooterGivesTheVersionThePageNumberAndTheAddress()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["FeeList:PublicUrl"] = "https://fees.example.cn/" });

        var response = await app.CreateAnonymousClient().GetAsync("/fees");
        var html = await response.Content.ReadAsStringAsync();

        var styles = Style().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, styles.Count);
        Assert.StartsWith("@page{@bottom-left{content:\"供水服务收费目录清单 第1版 Version 1 · https://fees.example.cn/fees/1\"", styles[1]);
        Assert.Contains("@bottom-right{content:\"第 \" counter(page) \" 页，共 \" counter(pages) \" 页 Page \" counter(page) \" of \" counter(pages)", styles[1]);
        // Both stylesheets, and only they, may apply.
        var hashes = string.Join(" ", styles.Select(s => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s)))}'"));
        Assert.Equal($"default-src 'none'; style-src {hashes}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
            response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task WithoutAPublicUrlTheFooterGivesThePath()
    {
        await using var app = new PricingApiFactory();

        var html = await app.CreateAnonymousClient().GetStringAsync("/fees/1");

        Assert.Contains("@page{@bottom-left{content:\"供水服务收费目录清单 第1版 Version 1 · /fees/1\"", html);
    }

    [GeneratedRegex("<a href=\"#([a-z-]+)\">")]
    private static partial Regex Anchor();

    [GeneratedRegex("<style>([^<]*)</style>")]
    private static partial Regex Style();
}
