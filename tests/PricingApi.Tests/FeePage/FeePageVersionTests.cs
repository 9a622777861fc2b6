using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeePage;

/// <summary>
/// Version 2 (published on 23 November, effective 1 December) reprices the 20 m³ tank cleaning from 954.00 to 932.80,
/// adds a service and drops the fitting replacement.
/// </summary>
public class FeePageVersionTests
{
    private const string NewServiceName = "测试清洗 EXT-TEST-NEW";

    private static async Task<PricingApiFactory> WithDecemberVersionAsync()
    {
        var app = new PricingApiFactory();
        var admin = app.CreateAdmin();
        await admin.RepriceAsync("EXT-TANK-CLEAN-20", 880.00m);
        await admin.AddServiceAsync(Requests.Extended("EXT-TEST-NEW", cost: 100.00m, priceExcludingTax: 110.00m));
        await admin.RemoveServiceAsync("EXT-FITTING-DN25");
        Assert.Equal(2, await admin.PublishAsync(FeeListChanges.FirstOfDecember));
        return app;
    }

    [Fact]
    public async Task FeesAnnouncesAScheduledVersionWithItsChangesWhileTheCurrentPricesStay()
    {
        await using var app = await WithDecemberVersionAsync();

        var html = await app.CreateAnonymousClient().GetStringAsync("/fees");

        Assert.Contains("第1版 <span lang=\"en\">Version 1</span>", html);
        Assert.Contains("class=\"num\"><span class=\"price\">954.00</span><span class=\"sub pricing-form\">市场调节价", html); // still the price in effect
        Assert.Contains("<h3 id=\"announced-2\">自2026年12月1日起调整 <span lang=\"en\">From 1 December 2026 these prices change</span></h3>", html);
        Assert.Contains("<a href=\"/fees/2\">查看第2版全文", html);
        Assert.Matches("id=\"announced\"[\\s\\S]*二次供水水箱（池）清洗消毒（容积20立方米及以下）[\\s\\S]*class=\"num\">954.00</td><td data-label=\"调整后（元） After \\(CNY\\)\" class=\"num price\">932.80</td>", html);
        Assert.Matches("新增项目 <span lang=\"en\">Added</span></h4><ul><li>" + NewServiceName + " <span lang=\"en\">Test cleaning</span>：<strong>116.60</strong> 元</li>", html);
        Assert.Matches("取消项目 <span lang=\"en\">Removed</span></h4><ul><li>表后管件更换（DN25及以下）", html);
        Assert.Contains("<a rel=\"next\" href=\"/fees/2\">", html);
    }

    [Fact]
    public async Task ScheduledVersionPageSaysWhenItTakesEffect()
    {
        await using var app = await WithDecemberVersionAsync();

        var html = await app.CreateAnonymousClient().GetStringAsync("/fees/2");

        Assert.Contains("<strong>已公布，自2026年12月1日起执行</strong> <span lang=\"en\">Announced: takes effect on 1 December 2026.</span>", html);
        Assert.Contains("class=\"num price\">932.80</td>", html);
        Assert.DoesNotContain("EXT-FITTING-DN25", html);
        Assert.Contains("<a rel=\"prev\" href=\"/fees/1\">", html);
        Assert.DoesNotContain("rel=\"next\"", html);
        Assert.DoesNotContain("id=\"announced\"", html);
    }

    [Fact]
    public async Task OnceTheNewVersionTakesEffectFeesShowsItAndThePastVersionPointsForward()
    {
        await using var app = await WithDecemberVersionAsync();
        app.Clock.Set(FeeListChanges.FirstOfDecember);
        var client = app.CreateAnonymousClient();

        var current = await client.GetStringAsync("/fees");
        var past = await client.GetStringAsync("/fees/1");
        var second = await client.GetStringAsync("/fees/2");

        Assert.Contains("第2版 <span lang=\"en\">Version 2</span>", current);
        Assert.Contains("class=\"num\"><span class=\"price\">932.80</span><span class=\"sub pricing-form\">市场调节价", current);
        Assert.Contains("class=\"num\"><span class=\"price\">116.60</span><span class=\"sub pricing-form\">市场调节价", current);
        Assert.DoesNotContain("id=\"announced\"", current);
        Assert.Equal(current, second); // the same version renders the same page at either address

        Assert.Contains("<strong>已停止执行：自2026年12月1日起由第2版取代</strong> <span lang=\"en\">No longer in effect: replaced by version 2 from 1 December 2026.</span>", past);
        Assert.Contains("class=\"num\"><span class=\"price\">954.00</span><span class=\"sub pricing-form\">市场调节价", past);
        Assert.Contains("<a rel=\"next\" href=\"/fees/2\">下一版：第2版", past);
        Assert.DoesNotContain("rel=\"prev\"", past);

        Assert.Contains("<h2 id=\"changes\">本版变更 <span lang=\"en\">What this version changed</span></h2>", second);
        Assert.Contains("与第1版相比。", second);
        Assert.Contains("class=\"num\">954.00</td><td data-label=\"调整后（元） After (CNY)\" class=\"num price\">932.80</td>", second);
    }

    [Fact]
    public async Task EveryAnnouncedVersionIsListedWithItsOwnChanges()
    {
        await using var app = await WithDecemberVersionAsync();
        var admin = app.CreateAdmin();
        await admin.RepriceAsync("EXT-TANK-CLEAN-20", 890.00m);
        Assert.Equal(3, await admin.PublishAsync(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))));

        var html = await app.CreateAnonymousClient().GetStringAsync("/fees");

        Assert.Contains("自2026年12月1日起调整", html);
        Assert.Contains("自2027年1月1日起调整 <span lang=\"en\">From 1 January 2027 these prices change</span>", html);
        // Version 3 changes version 2's price (932.80), not the one in effect now.
        Assert.Matches("id=\"announced-3\"[\\s\\S]*class=\"num\">932.80</td><td data-label=\"调整后（元） After \\(CNY\\)\" class=\"num price\">943.40</td>", html);
    }

    [Fact]
    public async Task AWithdrawnVersionIsNoLongerAnnouncedAndTheNextComparesWithTheVersionBeforeIt()
    {
        await using var app = await WithDecemberVersionAsync();
        var admin = app.CreateAdmin();
        var client = app.CreateAnonymousClient();
        Assert.Contains("id=\"announced-2\"", await client.GetStringAsync("/fees")); // rendered and kept before the withdrawal

        await (await admin.PostJsonAsync("/api/admin/fee-list/versions/2/withdrawal", new { reason = "价格有误" })).JsonBodyAsync();
        await admin.RepriceAsync("EXT-TANK-CLEAN-20", 890.00m);
        Assert.Equal(3, await admin.PublishAsync(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))));

        var current = await client.GetStringAsync("/fees");
        var third = await client.GetStringAsync("/fees/3");
        var api = await (await client.GetAsync("/api/fee-list/versions/3/changes")).JsonBodyAsync();

        Assert.DoesNotContain("id=\"announced-2\"", current);
        Assert.Contains("id=\"announced-3\"", current);
        // Version 2 never took effect: version 3 is compared with version 1, as the API compares it.
        Assert.Equal(1, api["previousVersion"]!.GetValue<int>());
        Assert.Contains("与第1版相比。", third);
        Assert.DoesNotContain("与第2版相比。", third);
        Assert.Contains("class=\"num\">954.00</td><td data-label=\"调整后（元） After (CNY)\" class=\"num price\">943.40</td>", third);
    }
}
