using System.Net;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;

namespace PricingApi.Tests.Providers;

/// <summary>Each extended service's provider (经营者): published with it, named on the quote and its printout, numbering its own quotes.</summary>
public class ProviderQuoteTests
{
    /// <summary>Adds EXT-TY-TEST, provided by 通用水务, and publishes it.</summary>
    private static async Task<(PricingApiFactory App, HttpClient Staff)> WithTongyongServiceAsync()
    {
        var app = new PricingApiFactory();
        var admin = app.CreateClient("pricing-admin");
        await (await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-TY-TEST").With("provider", "tongyong"))).JsonBodyAsync(HttpStatusCode.Created);
        await app.PublishAsync(admin);
        return (app, app.CreateClient("staff"));
    }

    [Fact]
    public async Task ServiceNamesItsProviderInTheCatalogAndThePublishedList()
    {
        var (app, _) = await WithTongyongServiceAsync();
        await using var _app = app;
        var admin = app.CreateClient("pricing-admin");

        var written = await (await admin.GetAsync("/api/admin/services/EXT-TY-TEST")).JsonBodyAsync();
        var list = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list")).JsonBodyAsync();

        Assert.Equal("tongyong", written.Text("provider"));
        var published = list["extendedServices"]!.AsArray().Single(s => s!.Text("code") == "EXT-TY-TEST")!;
        Assert.Equal("通用水务", published["provider"]!.Text("name"));
        Assert.Equal("tongyong", published["provider"]!.Text("id"));
    }

    [Fact]
    public async Task MovingAServiceToAnotherProviderIsAnAmendmentOfTheNextVersion()
    {
        var (app, _) = await WithTongyongServiceAsync();
        await using var _app = app;
        var admin = app.CreateClient("pricing-admin");
        await (await admin.PutJsonAsync("/api/admin/services/EXT-TY-TEST", Requests.Extended("EXT-TY-TEST").With("provider", "shuigong"))).JsonBodyAsync();
        await app.PublishAsync(admin);

        var changes = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list/versions/3/changes")).JsonBodyAsync();

        Assert.Equal(["EXT-TY-TEST"], changes["amended"]!.AsArray().Select(s => s!.Text("code")));
    }

    [Fact]
    public async Task UnknownProviderIsRefusedWith400()
    {
        await using var app = new PricingApiFactory();

        var response = await app.CreateClient("pricing-admin").PostJsonAsync("/api/admin/services", Requests.Extended("EXT-X").With("provider", "acme"));

        Assert.Contains("shuigong, tongyong", (await response.ValidationErrorsAsync("provider")).Single());
    }

    [Fact]
    public async Task EachProviderNumbersItsOwnQuotesAndTheQuoteNamesIt()
    {
        var (app, staff) = await WithTongyongServiceAsync();
        await using var _app = app;

        var group1 = await staff.IssueAsync(("EXT-TEST-9", 1m));
        var tongyong1 = await staff.IssueAsync(("EXT-TY-TEST", 1m));
        var group2 = await staff.IssueAsync(("EXT-TEST-9", 1m));
        var tongyong2 = await staff.IssueAsync(("EXT-TY-TEST", 2m));

        Assert.Equal(["Q-2026-000001", "TY-2026-000001", "Q-2026-000002", "TY-2026-000002"],
            new[] { group1, tongyong1, group2, tongyong2 }.Select(q => q.Text("number")));
        Assert.Equal("水工集团", group1["provider"]!.Text("name"));
        Assert.Equal("通用水务", tongyong1["provider"]!.Text("name"));
        Assert.Equal("tongyong", tongyong1["provider"]!.Text("id"));
    }

    [Fact]
    public async Task ConcurrentQuotesOfTwoProvidersNumberEachSeriesWithoutGaps()
    {
        var (app, staff) = await WithTongyongServiceAsync();
        await using var _app = app;

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote((i % 2 == 0 ? "EXT-TEST-9" : "EXT-TY-TEST", 1m)))));

        var numbers = new List<string>();
        foreach (var response in responses)
        {
            numbers.Add((await response.JsonBodyAsync(HttpStatusCode.Created)).Text("number"));
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"Q-2026-{n:D6}"), numbers.Where(n => n.StartsWith("Q-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"TY-2026-{n:D6}"), numbers.Where(n => n.StartsWith("TY-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task QuoteWithLinesOfTwoProvidersIsRefusedWith422NamingEach()
    {
        var (app, staff) = await WithTongyongServiceAsync();
        await using var _app = app;

        var response = await staff.WithoutAcceptLanguage().PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m), ("EXT-TY-TEST", 1m)));

        var detail = (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail");
        Assert.StartsWith("一张报价单只能由一家经营者出具", detail);
        Assert.Contains("水工集团（EXT-TEST-9）", detail);
        Assert.Contains("通用水务（EXT-TY-TEST）", detail);
        Assert.Equal(0, (await (await staff.GetAsync("/api/quotes")).JsonBodyAsync())["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task PrintedQuoteCarriesItsProvidersHeaderAndName()
    {
        var (app, staff) = await WithTongyongServiceAsync();
        await using var _app = app;
        await staff.IssueAsync(("EXT-TY-TEST", 1m));

        var html = await staff.GetStringAsync("/api/quotes/TY-2026-000001/print");

        Assert.Contains("<h1>昆明自来水集团有限公司 · 通用水务 <span class=\"en\" lang=\"en\">Kunming Water Supply Group · Tongyong Water</span></h1>", html);
        Assert.Contains("经营者 <span class=\"en\" lang=\"en\">Provider</span>: <strong>通用水务</strong>", html);
        Assert.Contains("<strong>TY-2026-000001</strong>", html);
        Assert.Contains("华山街道", html);
    }
}
