using System.Net;
using System.Net.Http.Headers;
using PricingApi.Tests.Infrastructure;
using PricingApi.Caching;

namespace PricingApi.Tests.FeePage;

public class FeePageCachingTests
{
    [Theory]
    [InlineData("/fees")]
    [InlineData("/fees/1")]
    public async Task PageHasStrongETagAndIfNoneMatchGives304(string path)
    {
        await using var app = new PricingApiFactory();
        var client = app.CreateAnonymousClient();

        var first = await client.GetAsync(path);
        var etag = first.Headers.ETag;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());

        var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PublishingAnAnnouncementChangesThePageAndItsETag()
    {
        await using var app = new PricingApiFactory();
        var client = app.CreateAnonymousClient();
        var before = await client.GetAsync("/fees");
        var beforeHtml = await before.Content.ReadAsStringAsync();

        var admin = app.CreateAdmin();
        await admin.RepriceAsync("EXT-TEST-9", 200.00m);
        await admin.PublishAsync(FeeListChanges.FirstOfDecember);
        var stale = new HttpRequestMessage(HttpMethod.Get, "/fees");
        stale.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        var after = await client.SendAsync(stale);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.DoesNotContain("调价公告", beforeHtml);
        Assert.Contains("调价公告", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PageIsNotCachedPastTheMomentTheNextVersionTakesEffect()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateAdmin();
        await admin.RepriceAsync("EXT-TEST-9", 200.00m);
        await admin.PublishAsync(FeeListChanges.FirstOfDecember);
        app.Clock.Set(FeeListChanges.FirstOfDecember.AddSeconds(-25));
        var client = app.CreateAnonymousClient();

        Assert.Equal(TimeSpan.FromSeconds(25), (await client.GetAsync("/fees")).Headers.CacheControl?.MaxAge);
        Assert.Equal(TimeSpan.FromSeconds(25), (await client.GetAsync("/fees/1")).Headers.CacheControl?.MaxAge);

        app.Clock.Set(FeeListChanges.FirstOfDecember);
        var now = await client.GetAsync("/fees");
        Assert.Equal(TimeSpan.FromSeconds(60), now.Headers.CacheControl?.MaxAge);
        Assert.Contains("第2版 <span lang=\"en\">Version 2</span>", await now.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheSameStateServesTheSameBytes()
    {
        await using var app = new PricingApiFactory();
        var client = app.CreateAnonymousClient();

        var first = await client.GetByteArrayAsync("/fees");
        var second = await client.GetByteArrayAsync("/fees");

        Assert.Equal(first, second);
        Assert.Equal(EntityTagHeaderValue.Parse(Rendered(first)), (await client.GetAsync("/fees")).Headers.ETag);
    }

    private static string Rendered(byte[] body) => PricingApi.Caching.Rendered.Of(body).ETag;
}
