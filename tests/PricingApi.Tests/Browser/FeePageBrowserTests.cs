using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PricingApi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PricingApi.Tests.Browser;

/// <summary>
/// /fees in a real Chromium, served over TCP by a running instance with its own database. The list carries an
/// announced December version, so the announcement is on the page too. Screenshots (and an A4 PDF) are saved under
/// TestResults/screenshots in the test output directory for a person to look at.
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow), Trait(TestCategories.Kind, TestCategories.Browser)]
[Collection(BrowserTests.Name)]
public sealed class FeePageBrowserTests(ChromiumFixture chromium, ITestOutputHelper output)
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    [BrowserFact]
    public async Task EveryPublishedServiceAndItsPriceAppearOnThePage()
    {
        await using var app = new PricingApiFactory(output: output);
        var site = await StartWithAnnouncementAsync(app);
        var list = await app.CreateAnonymousClient().GetFromJsonAsync<JsonObject>("/api/fee-list");
        var page = await chromium.NewPageAsync(1280, 900);
        await using var context = page.Context;

        var response = await page.GotoAsync(new Uri(site, "/fees").ToString());

        Assert.Equal(200, response!.Status);
        Assert.Equal("供水服务收费目录清单 Water-supply service fee list", await page.Locator("h1").InnerTextAsync());
        foreach (var basic in list!["basicServices"]!.AsArray())
        {
            var row = Row(page, basic!["code"]!.GetValue<string>());
            Assert.True(await row.IsVisibleAsync());
            var text = await row.InnerTextAsync();
            Assert.Contains(basic["name"]!.GetValue<string>(), text);
            Assert.Contains(basic["nameEn"]!.GetValue<string>(), text);
            Assert.Contains("免费 Free", text);
        }

        foreach (var extended in list["extendedServices"]!.AsArray())
        {
            var row = Row(page, extended!["code"]!.GetValue<string>());
            Assert.True(await row.IsVisibleAsync());
            Assert.Contains(extended["name"]!.GetValue<string>(), await row.InnerTextAsync());
            Assert.Equal(Money(extended["price"]!), await row.Locator(".price").InnerTextAsync());
            Assert.Equal(Money(extended["priceExcludingTax"]!), await row.Locator("td").Nth(3).InnerTextAsync());
        }

        Assert.Contains("932.80", await page.Locator("section.notice").InnerTextAsync());
        await SaveScreenshotAsync(page, "fees-desktop.png");
        // The first screen, as a newcomer sees it (docs/images/fees.png is this picture).
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "fees-desktop-first-screen.png") });
    }

    [BrowserFact]
    public async Task PageFitsAPhoneScreenWithoutHorizontalScrolling()
    {
        await using var app = new PricingApiFactory(output: output);
        var site = await StartWithAnnouncementAsync(app);
        var page = await chromium.NewPageAsync(375, 812, phone: true);
        await using var context = page.Context;

        await page.GotoAsync(new Uri(site, "/fees").ToString());

        await PageChecks.AssertNoHorizontalOverflowAsync(page, 375);
        Assert.Equal("954.00", await Row(page, "EXT-TANK-CLEAN-20").Locator(".price").InnerTextAsync());
        await SaveScreenshotAsync(page, "fees-375.png");

        // 768 px is the narrowest screen that gets the tables rather than the cards.
        await page.SetViewportSizeAsync(768, 1024);
        await PageChecks.AssertNoHorizontalOverflowAsync(page, 768);
    }

    [BrowserFact]
    public async Task OnAPhoneTheContentsJumpToACategoryAndBack()
    {
        await using var app = new PricingApiFactory(output: output);
        var site = await StartWithAnnouncementAsync(app);
        var page = await chromium.NewPageAsync(390, 844, phone: true);
        await using var context = page.Context;
        await page.GotoAsync(new Uri(site, "/fees").ToString());

        await page.Locator("nav.contents a[href='#cat-water-testing']").TapAsync();

        await page.WaitForFunctionAsync("() => location.hash === '#cat-water-testing' && window.scrollY > 2000");
        var top = await page.EvaluateAsync<double>("document.getElementById('cat-water-testing').getBoundingClientRect().top");
        Assert.InRange(top, 0, 100); // the heading is at the top of the screen
        Assert.True(await Row(page, "EXT-TEST-9").IsVisibleAsync());

        await page.Locator("#cat-water-testing ~ .to-contents a").First.TapAsync();
        await page.WaitForFunctionAsync("() => location.hash === '#contents'");
        Assert.InRange(await page.EvaluateAsync<double>("document.getElementById('contents').getBoundingClientRect().top"), -1, 100);
        await PageChecks.AssertNoHorizontalOverflowAsync(page, 390);
    }

    [BrowserFact]
    public async Task PrintedOnA4TheListFitsThePaperAndLeavesOutNavigation()
    {
        await using var app = new PricingApiFactory(output: output);
        var site = await StartWithAnnouncementAsync(app);
        // A4 (210 mm) less 12 mm margins each side is 186 mm, 703 px at 96 px per inch.
        var page = await chromium.NewPageAsync(703, 1000);
        await using var context = page.Context;

        await page.GotoAsync(new Uri(site, "/fees").ToString());
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        await PageChecks.AssertNoHorizontalOverflowAsync(page, 703);
        Assert.True(await page.Locator("nav.versions").IsHiddenAsync());
        Assert.True(await page.Locator(".downloads").IsHiddenAsync());
        Assert.True(await page.Locator("nav.contents").IsHiddenAsync());
        Assert.Equal("table-header-group", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('section[aria-labelledby=extended] thead')).display"));
        var pdf = Path.Combine(Screenshots, "fees-a4.pdf");
        Directory.CreateDirectory(Screenshots);
        await page.PdfAsync(new PagePdfOptions { Path = pdf, PreferCSSPageSize = true, PrintBackground = true });
        Assert.True(new FileInfo(pdf).Length > 10_000);
        output.WriteLine($"Saved {pdf}");
    }

    /// <summary>Starts the server, then announces version 2 (from 1 December: the 20 m³ tank cleaning at 932.80).</summary>
    private static async Task<Uri> StartWithAnnouncementAsync(PricingApiFactory app)
    {
        var site = app.StartOnLoopback();
        var admin = app.CreateAdmin();
        await admin.RepriceAsync("EXT-TANK-CLEAN-20", 880.00m);
        await admin.PublishAsync(FeeListChanges.FirstOfDecember);
        return site;
    }

    private static ILocator Row(IPage page, string code) => page.Locator($"tbody tr:has(.code:text-is(\"{code}\"))");

    private static string Money(JsonNode amount) => amount.GetValue<decimal>().ToString("0.00", CultureInfo.InvariantCulture);

    private async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        var path = Path.Combine(Screenshots, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Saved {path}");
    }
}
