using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Http;

/// <summary>HEAD on every public GET, over real TCP (Kestrel leaves the body out): the GET's status and headers, no body.</summary>
/// <remarks>The tests only read: one service for the class.</remarks>
public class HeadRequestTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    public static TheoryData<string, string?> Urls => new()
    {
        { "/api/fee-list", null }, // from memory once warm
        { "/api/fee-list", "gzip" },
        { "/api/fee-list?at=2026-11-23T09:00:00%2B08:00", null }, // the endpoint
        { "/api/fee-list/versions", null },
        { "/api/fee-list/versions/1", "br" },
        { "/api/fee-list.csv", null },
        { "/api/fee-list.xlsx", null },
        { "/fees", "br" },
        { "/api/fee-list/versions", "gzip" },
        { "/api/fee-list/versions/1/changes", null },
        { "/api/fee-list/versions/1/changes", "br" },
        { "/api/fee-list/feed.atom", "br" },
        { "/.well-known/jwks.json", "gzip" },
        { "/api/service-area", null },
        { "/api/service-area", "br" },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task HeadAnswersWithTheHeadersOfTheGetAndNoBody(string url, string? acceptEncoding)
    {
        var app = shared.App;
        app.StartOnLoopback();
        var client = app.CreateAnonymousClient();

        var get = await SendAsync(client, HttpMethod.Get, url, acceptEncoding);
        var getBody = await get.Content.ReadAsByteArrayAsync();
        var head = await SendAsync(client, HttpMethod.Head, url, acceptEncoding);
        var headBody = await head.Content.ReadAsByteArrayAsync();
        // The same connection still answers: no stray body bytes were sent after the HEAD's headers.
        var after = await SendAsync(client, HttpMethod.Get, url, acceptEncoding);

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Empty(headBody);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(getBody.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Content.Headers.ContentEncoding, head.Content.Headers.ContentEncoding);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Headers.CacheControl, head.Headers.CacheControl);
        Assert.Equal(get.Headers.Vary, head.Headers.Vary);
        Assert.Equal(get.StatusCode, after.StatusCode);
        Assert.Equal(getBody, await after.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/fees/99", HttpStatusCode.NotFound)]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    public async Task HeadOfOtherPublicRoutesGivesTheGetsStatusAndNoBody(string url, HttpStatusCode status)
    {
        var app = shared.App;
        app.StartOnLoopback();
        var client = app.CreateAnonymousClient();

        var head = await SendAsync(client, HttpMethod.Head, url, null);

        Assert.Equal(status, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(status, (await SendAsync(client, HttpMethod.Get, url, null)).StatusCode);
    }

    [Fact]
    public async Task EveryAnonymousGetAnswersHeadAndNoKeyedOneDoes()
    {
        var app = shared.App;
        _ = app.CreateAnonymousClient();

        var gets = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Methods.Contains(HttpMethods.Get))
            .ToList();
        var anonymous = gets.Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null).ToList();

        Assert.True(anonymous.Count >= 10, $"only {anonymous.Count} anonymous GET routes found");
        Assert.All(anonymous, e => Assert.True(e.Methods.Contains(HttpMethods.Head), $"{e.Endpoint.RoutePattern.RawText} does not answer HEAD"));
        Assert.Contains(gets, e => !e.Methods.Contains(HttpMethods.Head)); // keyed GETs are left alone
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEachRouteOnceAsGet()
    {
        var app = shared.App;

        var document = await app.CreateAnonymousClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("\"get\"", document);
        Assert.DoesNotContain("\"head\"", document);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(method, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await client.SendAsync(request);
    }
}
