using System.IO.Compression;
using System.Net;
using System.Text;
using PricingApi.Http;
using PricingApi.Tests.Infrastructure;
using PricingApi.Caching;

namespace PricingApi.Tests.Http;

/// <summary>
/// Every public read (the fee list's JSON, CSV and pages, the versions and their changes, the feed, signatures and
/// keys, the service area) in brotli and gzip, compressed once and chosen by Accept-Encoding, each form with its own
/// strong ETag; the workbook, a zip already, as it is.
/// </summary>
/// <remarks>The tests only read: one service for the class.</remarks>
public class CompressionTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    public static TheoryData<string> Compressed => new()
    {
        "/api/fee-list", "/api/fee-list/versions/1", "/api/fee-list.csv", "/api/fee-list.csv?version=1", "/fees", "/fees/1",
        "/api/fee-list/versions", "/api/fee-list/versions/1/changes", "/api/fee-list/feed.atom", "/api/fee-list/versions/1/signature",
        "/.well-known/jwks.json", "/api/service-area",
        "/api/fee-list/versions?sinceVersion=1", // [], two bytes: the contract makes no exception for size
    };

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? acceptEncoding = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await client.SendAsync(request);
    }

    private static byte[] Decompress(string coding, byte[] body)
    {
        using Stream input = coding == "br"
            ? new BrotliStream(new MemoryStream(body), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    [Theory]
    [MemberData(nameof(Compressed))]
    public async Task EachEncodingDecompressesToTheIdentityBodyAndHasItsOwnETag(string url)
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();
        var identity = await GetAsync(client, url);
        var identityBody = await identity.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, identity.StatusCode);
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        Assert.Equal("Accept-Encoding", string.Join(",", identity.Headers.Vary));
        Assert.False(identity.Headers.ETag!.IsWeak);
        Assert.NotNull(identity.Headers.CacheControl);

        var etags = new HashSet<string> { identity.Headers.ETag!.Tag };
        foreach (var coding in new[] { "br", "gzip" })
        {
            var encoded = await GetAsync(client, url, coding);
            var body = await encoded.Content.ReadAsByteArrayAsync();

            Assert.Equal(HttpStatusCode.OK, encoded.StatusCode);
            Assert.Equal(coding, Assert.Single(encoded.Content.Headers.ContentEncoding));
            Assert.Equal(body.Length, encoded.Content.Headers.ContentLength);
            if (identityBody.Length >= 4096)
            {
                Assert.True(body.Length < identityBody.Length / 3, $"{coding}: {body.Length} of {identityBody.Length} bytes");
            }

            Assert.Equal(identityBody, Decompress(coding, body));
            Assert.Equal(identity.Content.Headers.ContentType, encoded.Content.Headers.ContentType);
            Assert.Equal("Accept-Encoding", string.Join(",", encoded.Headers.Vary));
            Assert.False(encoded.Headers.ETag!.IsWeak);
            Assert.True(etags.Add(encoded.Headers.ETag.Tag), "each encoding has its own ETag");
            Assert.Equal(identity.Headers.CacheControl, encoded.Headers.CacheControl);

            // The form's own ETag revalidates it; another form's does not.
            var revalidated = await GetAsync(client, url, coding, encoded.Headers.ETag.Tag);
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
            Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
            Assert.Equal(encoded.Headers.ETag, revalidated.Headers.ETag);
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, url, coding, identity.Headers.ETag.Tag)).StatusCode);
        }

        var unchanged = await GetAsync(client, url, null, identity.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("deflate", null)]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0.5, gzip;q=0.8", "gzip")]
    [InlineData("gzip;q=0.5, br;q=0.8", "br")]
    [InlineData("identity, gzip;q=0.5", null)]
    [InlineData("*", "br")]
    [InlineData("*;q=0.3, br;q=0", "gzip")]
    [InlineData("gzip;q=0, br;q=0", null)]
    [InlineData("GZIP;Q=1.000", "gzip")]
    public async Task TheFormFollowsAcceptEncodingWithItsQualities(string acceptEncoding, string? expected)
    {
        var app = shared.App;

        var response = await GetAsync(app.CreateAnonymousClient(), "/api/fee-list", acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
    }

    [Fact]
    public async Task TheWorkbookIsNotCompressedAgain()
    {
        var app = shared.App;

        // A zip already: brotli or gzip would make it no smaller.
        var response = await GetAsync(app.CreateAnonymousClient(), "/api/fee-list.xlsx", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Empty(response.Headers.Vary);
    }

    [Fact]
    public void FormsAreMadeOnceWithSuffixedETagsAndCountedInTheirBytes()
    {
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"code\":\"EXT-TANK-CLEAN-20\",\"price\":954.00},", 200)));

        var rendered = Rendered.Of(body, compress: true);

        Assert.Equal(rendered.ETag[..^1] + "-br\"", rendered.Brotli!.ETag);
        Assert.Equal(rendered.ETag[..^1] + "-gzip\"", rendered.Gzip!.ETag);
        Assert.Same(rendered.Brotli, rendered.For("br"));
        Assert.Same(rendered.Gzip, rendered.For("gzip"));
        Assert.True(rendered.Bytes >= body.Length + rendered.Brotli.Body.Length + rendered.Gzip.Body.Length);
        Assert.False(Rendered.Of(body).HasEncodings);
        // Bytes that do not get smaller (two bytes: []) still have their forms: the coding asked for is answered.
        var tiny = Rendered.Of("[]"u8.ToArray(), compress: true);
        Assert.Equal("[]"u8.ToArray(), Decompress("br", tiny.For("br").Body));
        Assert.Equal("[]"u8.ToArray(), Decompress("gzip", tiny.For("gzip").Body));
    }

    [Theory]
    [InlineData("br;q=0.5", 500, 0, 1)]
    [InlineData("gzip;q=0.25;foo=bar", 0, 250, 1)]
    [InlineData("*;q=0.1", 100, 100, 1)]
    [InlineData("identity;q=0", 0, 0, 0)]
    [InlineData("br; q=1, x-gzip; q=0.001", 1000, 1, 1)]
    [InlineData("br;q=nonsense", 1000, 0, 1)]
    public void QualitiesAreReadInThousandths(string header, int brotli, int gzip, int identity) =>
        Assert.Equal(new AcceptEncoding(brotli, gzip, identity), AcceptEncoding.Parse(header));
}
