using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PricingApi.ApiKeys;
using PricingApi.Tests.Charges;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;
using Xunit.Abstractions;

namespace PricingApi.Tests.Browser;

/// <summary>
/// axe-core (Deque's engine, the same one the npm package ships) in Chromium on every page a person reads: the fee
/// list in effect, a version's own page with its changes, the printed quote and the receipt. Any violation of WCAG
/// 2.0/2.1 level A or AA fails the test and is listed with the elements it concerns.
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow), Trait(TestCategories.Kind, TestCategories.Browser)]
[Collection(BrowserTests.Name)]
public sealed class AccessibilityBrowserTests(ChromiumFixture chromium, ITestOutputHelper output)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [BrowserFact]
    public async Task TheFeePagesHaveNoWcag21AAViolationsOnADesktopOrAPhone()
    {
        await using var app = new PricingApiFactory(output: output);
        var site = app.StartOnLoopback();
        var admin = app.CreateAdmin();
        await admin.RepriceAsync("EXT-TANK-CLEAN-20", 880.00m);
        await admin.AddServiceAsync(Requests.Extended("EXT-TANK-CLEAN-300"));
        await admin.PublishAsync(FeeListChanges.FirstOfDecember);

        foreach (var (width, height, phone) in new[] { (1280, 900, false), (390, 844, true) })
        {
            var page = await chromium.NewPageAsync(width, height, phone);
            await using var context = page.Context;
            foreach (var path in new[] { "/fees", "/fees/2" })
            {
                await page.GotoAsync(new Uri(site, path).ToString());
                await AssertNoViolationsAsync(page, $"{path} at {width} px");
            }
        }
    }

    [BrowserFact]
    public async Task ThePrintedQuoteAndTheReceiptHaveNoWcag21AAViolations()
    {
        await using var app = new PricingApiFactory(output: output);
        var site = app.StartOnLoopback();
        var staff = app.CreateClient(Roles.Staff, "Counter 3");
        var number = (await staff.IssueAsync(("EXT-TANK-CLEAN-20", 1m), ("EXT-TEST-9", 2m))).Text("number");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await (await staff.AcceptAsync(number)).JsonBodyAsync();
        await (await staff.CompleteAsync(number, ("EXT-TANK-CLEAN-20", 1m), ("EXT-TEST-9", 1m))).JsonBodyAsync();

        var page = await chromium.NewPageAsync(1280, 900);
        await using var context = page.Context;
        await context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [ApiKeyAuthenticationHandler.HeaderName] = app.CreateKey(Roles.Staff, "Browser") });
        foreach (var path in new[] { $"/api/quotes/{number}/print", $"/api/quotes/{number}/receipt" })
        {
            var response = await page.GotoAsync(new Uri(site, path).ToString());
            Assert.Equal(200, response!.Status);
            await AssertNoViolationsAsync(page, path);
        }
    }

    [BrowserFact]
    public async Task TheCheckFindsWhatItLooksFor()
    {
        var page = await chromium.NewPageAsync(800, 600);
        await using var context = page.Context;
        // No language, no title, grey on grey, an image without words: each a WCAG A or AA failure.
        await page.SetContentAsync("<!DOCTYPE html><html><head></head><body><p style=\"color:#aaa;background:#bbb\">价格</p><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></body></html>");

        var results = await page.RunAxe(Wcag21AA);

        Assert.Equal(["color-contrast", "document-title", "html-has-lang", "image-alt"], results.Violations.Select(v => v.Id).Order());
    }

    private async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var results = await page.RunAxe(Wcag21AA);
        var violations = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n  " + string.Join("\n  ", v.Nodes.Take(5).Select(n => n.Html))).ToList();
        output.WriteLine($"{what}: {results.Passes.Length} rules passed, {violations.Count} violated");
        Assert.True(violations.Count == 0, $"axe found on {what}:\n" + string.Join("\n", violations));
    }
}
