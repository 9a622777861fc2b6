using Microsoft.Playwright;

namespace PricingApi.Tests.Browser;

/// <summary>Layout checks made inside the browser.</summary>
public static class PageChecks
{
    /// <summary>The page is exactly <paramref name="width"/> wide, scrolls only vertically, and no element reaches past the right edge.</summary>
    public static async Task AssertNoHorizontalOverflowAsync(IPage page, int width)
    {
        // First what pokes out on the right (which also catches what overflow: hidden somewhere would hide), for a useful message.
        var overflowing = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)"
            + ".map(e => `${e.tagName}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px): ${(e.textContent || '').slice(0, 40)}`)");
        Assert.Empty(overflowing);
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.Equal(width, widths[1]);
        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide in a {widths[1]} px screen.");
    }
}
