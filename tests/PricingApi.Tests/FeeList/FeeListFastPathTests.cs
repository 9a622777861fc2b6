using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PricingApi.FeeList;
using PricingApi.Operations;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeeList;

/// <summary>
/// The fee list's fast path (<see cref="FeeListFastPath"/>) answers only when its answer is in memory, with the
/// endpoint's own answer and as that endpoint. Each test runs the middleware alone in front of a terminal that records
/// whether the request was passed on, against a service whose list of versions stays fresh for five minutes. The
/// headers every response carries are set around it, in one place, and tested on the whole service in
/// <c>ResponseHeaderTests</c>.
/// </summary>
public class FeeListFastPathTests
{
    private const string Website = "https://www.kmwater.example";

    private static PricingApiFactory CreateApp(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["FeeList:RefreshSeconds"] = "300" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new PricingApiFactory(settings: all, warmUp: true); // the warm-up is part of what these tests check
    }

    [Fact]
    public async Task PassesTheListOnUntilItIsInMemoryThenAnswersWithTheEndpointsAnswer()
    {
        await using var app = CreateApp();
        var client = app.CreateAnonymousClient(); // starts the service
        await WarmedAsync(app);
        app.Services.GetRequiredService<FeeListStore>().Invalidate(); // as after publishing

        var cold = await FastPath.SendAsync(app.Services, "GET", "/api/fee-list");
        Assert.True(cold.PassedOn); // the versions must be read again

        var endpoint = await client.GetAsync("/api/fee-list"); // the endpoint reads and caches the list
        var fast = await FastPath.SendAsync(app.Services, "GET", "/api/fee-list");

        Assert.False(fast.PassedOn);
        Assert.Equal(StatusCodes.Status200OK, fast.Status);
        Assert.Equal(await endpoint.Content.ReadAsByteArrayAsync(), fast.Body);
        Assert.Equal(endpoint.Headers.ETag!.Tag, fast.Headers["ETag"]);
        Assert.Equal(endpoint.Headers.CacheControl!.ToString(), fast.Headers["Cache-Control"]);
        Assert.Equal(FeeListEndpoints.CurrentName, fast.Endpoint);
        Assert.Equal(1, VersionOf(fast));
    }

    [Fact]
    public async Task TheWarmUpAtStartLetsTheVeryFirstRequestBeAnsweredFromMemory()
    {
        await using var app = CreateApp();
        _ = app.CreateAnonymousClient(); // starts the service; no request is sent

        await WarmedAsync(app);
        var first = await FastPath.SendAsync(app.Services, "GET", "/api/fee-list");

        Assert.False(first.PassedOn);
        Assert.Equal(1, VersionOf(first));
    }

    private static Task WarmedAsync(PricingApiFactory app) =>
        app.Services.GetServices<IHostedService>().OfType<StartupWarmup>().Single().Warmed.WaitAsync(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task AnswersAConditionalGetWithTheEndpoints304()
    {
        await using var app = CreateApp();
        var client = app.CreateAnonymousClient();
        var etag = (await client.GetAsync("/api/fee-list")).Headers.ETag!.Tag;

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/fee-list");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var endpoint = await client.SendAsync(conditional);
        app.Services.GetRequiredService<FeeListStore>().Invalidate(); // the next GET goes to the endpoint again...
        Assert.Equal(HttpStatusCode.NotModified, endpoint.StatusCode);
        await client.GetAsync("/api/fee-list"); // ...which caches the list once more
        var fast = await FastPath.SendAsync(app.Services, "GET", "/api/fee-list", headers: [("If-None-Match", etag)]);

        Assert.False(fast.PassedOn);
        Assert.Equal(StatusCodes.Status304NotModified, fast.Status);
        Assert.Empty(fast.Body);
        Assert.Equal(etag, fast.Headers["ETag"]);
    }

    [Fact]
    public async Task LeavesARequestWithAnOriginToTheCorsMiddleware()
    {
        await using var app = CreateApp(new() { ["Cors:AllowedOrigins"] = Website });
        await app.CreateAnonymousClient().GetAsync("/api/fee-list");

        var answer = await FastPath.SendAsync(app.Services, "GET", "/api/fee-list", headers: [("Origin", Website)]);

        Assert.True(answer.PassedOn);
    }

    [Fact]
    public async Task AnswersHeadWithTheHeadersOfTheGet()
    {
        await using var app = CreateApp();
        await app.CreateAnonymousClient().GetAsync("/api/fee-list");

        var get = await FastPath.SendAsync(app.Services, "GET", "/api/fee-list");
        var head = await FastPath.SendAsync(app.Services, "HEAD", "/api/fee-list");

        Assert.False(head.PassedOn);
        Assert.Equal(StatusCodes.Status200OK, head.Status);
        Assert.Equal(get.Headers, head.Headers);
        Assert.Equal(get.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), head.Headers["Content-Length"]);
    }

    [Theory]
    [InlineData("POST", "/api/fee-list", "")]
    [InlineData("OPTIONS", "/api/fee-list", "")]
    [InlineData("GET", "/api/fee-list", "?at=2026-11-23T09:00:00%2B08:00")]
    [InlineData("GET", "/api/fee-list/versions", "")]
    [InlineData("GET", "/api/fee-list/versions/1", "")]
    [InlineData("GET", "/api/fee-list.csv", "")]
    [InlineData("GET", "/fees", "")]
    [InlineData("GET", "/api/admin/services", "")]
    public async Task LeavesEveryOtherRequestToTheEndpoints(string method, string path, string query)
    {
        await using var app = CreateApp();
        await app.CreateAnonymousClient().GetAsync("/api/fee-list");

        var answer = await FastPath.SendAsync(app.Services, method, path, query);

        Assert.True(answer.PassedOn);
    }

    [Theory]
    [InlineData("/api/fee-list/")]
    [InlineData("/API/Fee-List")]
    public async Task MatchesThePathAsRoutingDoes(string path)
    {
        await using var app = CreateApp();
        await app.CreateAnonymousClient().GetAsync("/api/fee-list");

        Assert.False((await FastPath.SendAsync(app.Services, "GET", path)).PassedOn);
    }

    [Fact]
    public async Task AfterPublishingPassesOnUntilTheNewVersionIsReadThenServesIt()
    {
        await using var app = CreateApp();
        var client = app.CreateAnonymousClient();
        var admin = app.CreateAdmin();
        await client.GetAsync("/api/fee-list");
        await admin.RepriceAsync("EXT-TANK-CLEAN-20", 880.00m);
        app.Clock.Advance(TimeSpan.FromMinutes(1)); // a new version takes effect after the one in effect

        var version = await admin.PublishAsync();
        var afterPublishing = await FastPath.SendAsync(app.Services, "GET", "/api/fee-list");
        var read = await (await client.GetAsync("/api/fee-list")).JsonBodyAsync();
        var fast = await FastPath.SendAsync(app.Services, "GET", "/api/fee-list");

        Assert.True(afterPublishing.PassedOn);
        Assert.Equal(2, version);
        Assert.Equal(version, read["version"]!.GetValue<int>());
        Assert.False(fast.PassedOn);
        Assert.Equal(version, VersionOf(fast));
    }

    [Fact]
    public async Task AScheduledVersionIsServedFromTheMomentItTakesEffect()
    {
        await using var app = CreateApp();
        var client = app.CreateAnonymousClient();
        var admin = app.CreateAdmin();
        await admin.RepriceAsync("EXT-TANK-CLEAN-20", 880.00m);
        var scheduled = await admin.PublishAsync(FeeListChanges.FirstOfDecember);
        app.Clock.Set(FeeListChanges.FirstOfDecember.AddSeconds(-30));
        await client.GetAsync("/api/fee-list");

        var before = await FastPath.SendAsync(app.Services, "GET", "/api/fee-list");
        app.Clock.Set(FeeListChanges.FirstOfDecember);
        var atTheMoment = await FastPath.SendAsync(app.Services, "GET", "/api/fee-list");
        var read = await (await client.GetAsync("/api/fee-list")).JsonBodyAsync();
        var after = await FastPath.SendAsync(app.Services, "GET", "/api/fee-list");

        Assert.False(before.PassedOn);
        Assert.Equal(1, VersionOf(before));
        Assert.Equal("public, max-age=30", before.Headers["Cache-Control"]); // never cached past the change
        // Never the old version at the moment: publishing makes the new version ready in the background, so it is
        // either answered here already or passed on to the endpoint, which reads it.
        Assert.True(atTheMoment.PassedOn || VersionOf(atTheMoment) == scheduled);
        Assert.Equal(scheduled, read["version"]!.GetValue<int>());
        Assert.False(after.PassedOn);
        Assert.Equal(scheduled, VersionOf(after));
        Assert.Equal("public, max-age=60", after.Headers["Cache-Control"]);
    }

    private static int VersionOf(FastPath.Answer answer) => JsonNode.Parse(answer.Body)!["version"]!.GetValue<int>();
}

/// <summary>Runs <see cref="FeeListFastPath"/> alone, in front of a terminal that records whether it was reached.</summary>
internal static class FastPath
{
    /// <param name="Endpoint">The name of the endpoint the answer was given as.</param>
    public sealed record Answer(bool PassedOn, int Status, byte[] Body, Dictionary<string, string> Headers, string? Endpoint);

    public static async Task<Answer> SendAsync(IServiceProvider services, string method, string path, string query = "", (string Name, string Value)[]? headers = null)
    {
        var passedOn = false;
        var pipeline = new ApplicationBuilder(services);
        pipeline.UseFeeListFastPath();
        pipeline.Run(_ =>
        {
            passedOn = true;
            return Task.CompletedTask;
        });

        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        foreach (var (name, value) in headers ?? [])
        {
            context.Request.Headers[name] = value;
        }

        using var body = new MemoryStream();
        context.Response.Body = body;
        await pipeline.Build()(context);
        var answered = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new Answer(passedOn, context.Response.StatusCode, body.ToArray(), answered,
            context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName);
    }
}
