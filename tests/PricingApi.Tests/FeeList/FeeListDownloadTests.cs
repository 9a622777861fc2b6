using System.Net;
using System.Text;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeeList;

/// <remarks>One service for the tests that only read; the one that publishes starts its own.</remarks>
public class FeeListDownloadTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Theory]
    [InlineData("/api/fee-list.csv")]
    [InlineData("/api/fee-list.xlsx")]
    public async Task DownloadsHaveStrongETagsAndIfNoneMatchGives304(string path)
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();

        var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());

        var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag);
        var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task APastVersionCanBeDownloadedAndIsImmutable()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateAdmin();
        await admin.RepriceAsync("EXT-TANK-CLEAN-20", 880.00m);
        app.Clock.Advance(TimeSpan.FromHours(1)); // a version takes effect later than the one before
        await admin.PublishAsync();
        var client = app.CreateAnonymousClient();

        var current = CsvReader.Parse(Encoding.UTF8.GetString((await client.GetByteArrayAsync("/api/fee-list.csv"))[3..]));
        var past = await client.GetAsync("/api/fee-list.csv?version=1");
        var pastRows = CsvReader.Parse(Encoding.UTF8.GetString((await past.Content.ReadAsByteArrayAsync())[3..]));

        Assert.Equal("932.80", current.Single(r => r[2] == "EXT-TANK-CLEAN-20")[10]);
        Assert.Equal("954.00", pastRows.Single(r => r[2] == "EXT-TANK-CLEAN-20")[10]);
        Assert.Equal("attachment; filename=\"fee-list-v1.csv\"", past.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal("public, max-age=31536000, immutable", past.Headers.CacheControl?.ToString());
        var workbook = await client.GetAsync("/api/fee-list.xlsx?version=1");
        Assert.Equal("attachment; filename=\"fee-list-v1.xlsx\"", workbook.Content.Headers.ContentDisposition?.ToString());
    }

    [Fact]
    public async Task UnknownVersionOrNoListInEffectIs404Problem()
    {
        var app = shared.App;
        var problem = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list.xlsx?version=7")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No fee-list version 7 has been published.", problem["detail"]!.GetValue<string>());
        await (await app.CreateAnonymousClient().GetAsync("/api/fee-list.csv?version=x")).ValidationErrorsAsync("version");

        await using var empty = new PricingApiFactory(seed: false);
        var none = await (await empty.CreateAnonymousClient().GetAsync("/api/fee-list.csv")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No fee list is in effect yet.", none["detail"]!.GetValue<string>());
    }
}
