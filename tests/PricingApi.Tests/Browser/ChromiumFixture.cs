using Microsoft.Playwright;

namespace PricingApi.Tests.Browser;

/// <summary>
/// One headless Chromium for every browser test (the <see cref="BrowserTests"/> collection); each test opens its own
/// context (no shared state). Starting Playwright's driver and the browser costs seconds of CPU, so it is done once.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            return; // each test then fails (under CI) or was skipped, with the reason
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Args,
        });
    }

    /// <summary>A fresh page of the given viewport, in a context of its own.</summary>
    public async Task<IPage> NewPageAsync(int width, int height, bool phone = false)
    {
        var browser = _browser ?? throw new InvalidOperationException(Chromium.Missing);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The browser tests: one Chromium (<see cref="ChromiumFixture"/>) for all of them; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
