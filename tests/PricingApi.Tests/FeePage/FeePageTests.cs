using System.Globalization;
using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeePage;

public class FeePageTests
{
    [Fact]
    public async Task FeesPageListsEveryPublishedServiceWithItsPriceAndWhoToCall()
    {
        await using var app = new PricingApiFactory();
        var client = app.CreateAnonymousClient();
        var list = await (await client.GetAsync("/api/fee-list")).JsonBodyAsync();

        var response = await client.GetAsync("/fees");
        var html = await response.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">", html);
        foreach (var basic in list["basicServices"]!.AsArray())
        {
            Assert.Contains(basic!["name"]!.GetValue<string>(), text);
            Assert.Contains(basic["nameEn"]!.GetValue<string>(), text);
        }

        var basicCount = list["basicServices"]!.AsArray().Count;
        Assert.Equal(basicCount, Occurrences(html, "<span class=\"free\">免费 <span lang=\"en\">Free</span></span>"));
        foreach (var extended in list["extendedServices"]!.AsArray())
        {
            Assert.Contains(extended!["name"]!.GetValue<string>(), text);
            Assert.Contains(extended["nameEn"]!.GetValue<string>(), text);
            Assert.Contains($"<td data-label=\"含税价（元） Price incl. VAT (CNY)\" class=\"num\"><span class=\"price\">{Money(extended["price"]!.GetValue<decimal>())}</span><span class=\"sub pricing-form\">市场调节价 <span lang=\"en\">Market-regulated</span></span></td>", html);
        }

        // The seeded tank cleaning: 900.00 before VAT, 6%, 954.00 to pay; grouped under cleaning.
        Assert.Matches("清洗 <span lang=\"en\">Cleaning</span></h3>[\\s\\S]*EXT-TANK-CLEAN-20[\\s\\S]*>954.00</span><span class=\"sub pricing-form\">市场调节价 <span lang=\"en\">Market-regulated</span></span></td><td data-label=\"增值税率 VAT rate\" class=\"num\">6%</td><td data-label=\"不含税价（元） Price excl. VAT \\(CNY\\)\" class=\"num\">900.00</td>", html);
        Assert.Contains("维修保养 <span lang=\"en\">Maintenance</span>", html);
        Assert.Contains("水质检测 <span lang=\"en\">Water-quality testing</span>", html);
        Assert.Contains("昆明自来水集团有限公司 <span lang=\"en\">Kunming Water Supply Group Co., Ltd.</span>", html);
        Assert.Contains("<a href=\"tel:0871-96106\">0871-96106</a>", html);
        Assert.Contains("<a href=\"tel:12315\">12315</a>", html);
        Assert.Contains("第1版 <span lang=\"en\">Version 1</span>", html);
        Assert.Contains("2026年11月23日 09:00 <span lang=\"en\">23 November 2026, 09:00</span>", html);
        Assert.Contains("现行有效", html);
        Assert.Contains("三（九）试点开展延伸服务", text); // the legal basis of the extended services
    }

    [Fact]
    public async Task FeesPageIsSelfContainedAccessibleAndPrintable()
    {
        await using var app = new PricingApiFactory();
        var response = await app.CreateAnonymousClient().GetAsync("/fees");
        var html = await response.Content.ReadAsStringAsync();

        // Only the inline stylesheets (the page's and its print footer's), by their hashes, may apply: no script, no external asset.
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var css = html[(html.IndexOf("<style>", StringComparison.Ordinal) + 7)..html.IndexOf("</style>", StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(css)));
        Assert.StartsWith($"default-src 'none'; style-src 'sha256-{hash}' 'sha256-", policy);
        Assert.EndsWith("'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'", policy);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("href=\"http", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain("@import", html);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html);
        Assert.Contains("@page{size:A4", html);
        Assert.Contains("@media print{", html);
        Assert.Contains("<th scope=\"col\">服务项目 <span lang=\"en\">Service</span></th>", html);
        Assert.Equal(29, Occurrences(html, "<th scope=\"row\" class=\"name\">"));
        Assert.Contains("<main id=\"main\">", html);
        Assert.Contains("<a class=\"skip\" href=\"#main\">", html);
    }

    [Fact]
    public async Task TextFromTheCatalogIsHtmlEncoded()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateAdmin();
        await admin.AddServiceAsync(Requests.Extended("EXT-TEST-HTML")
            .With("name", "<script>alert('x')</script>清洗")
            .With("description", "含 <b>粗体</b> & \"引号\""));
        app.Clock.Advance(TimeSpan.FromHours(1)); // a version takes effect later than the one before
        await admin.PublishAsync();

        var html = await app.CreateAnonymousClient().GetStringAsync("/fees");

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;清洗", html);
        Assert.Contains("含 &lt;b&gt;粗体&lt;/b&gt; &amp; &quot;引号&quot;", html);
    }

    [Fact]
    public async Task UnknownVersionIs404ProblemAndAnEmptyServiceHasNoPage()
    {
        await using var app = new PricingApiFactory();
        var problem = await (await app.CreateAnonymousClient().GetAsync("/fees/99")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No fee-list version 99 has been published.", problem["detail"]!.GetValue<string>());

        await using var empty = new PricingApiFactory(seed: false);
        var none = await (await empty.CreateAnonymousClient().GetAsync("/fees")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No fee list is in effect yet.", none["detail"]!.GetValue<string>());
    }

    internal static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    internal static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
