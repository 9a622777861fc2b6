using System.Net;
using System.Net.Http.Headers;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Regulator;

/// <remarks>One service for the tests that only read the seeded list; those that publish start their own.</remarks>
public class IncrementalPullTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    public static readonly TheoryData<string> VersionLists = new() { "/api/fee-list/versions", "/api/regulator/fee-list/versions" };

    [Theory]
    [MemberData(nameof(VersionLists))]
    public async Task PublishedAfterListsOnlyVersionsPublishedLater(string list)
    {
        await using var app = new PricingApiFactory();
        var client = app.CreateClient(Roles.Regulator);
        var seededAt = Uri.EscapeDataString("2026-11-23T09:00:00+08:00"); // when the seed published version 1

        Assert.Empty((await (await client.GetAsync($"{list}?publishedAfter={seededAt}")).JsonBodyAsync()).AsArray());
        Assert.Single((await (await client.GetAsync($"{list}?publishedAfter=2026-11-23T08:59:59")).JsonBodyAsync()).AsArray());

        await RegulatorSteps.ChangeAndPublishAsync(app, app.CreateClient(Roles.PricingAdmin));

        var newer = (await (await client.GetAsync($"{list}?publishedAfter={seededAt}")).JsonBodyAsync()).AsArray();
        var only = Assert.Single(newer)!;
        Assert.Equal(2, only["version"]!.GetValue<int>());
        Assert.Equal("2026-11-23T10:00:00+08:00", only["publishedAt"]!.GetValue<string>());
        Assert.Equal("in-effect", only["status"]!.GetValue<string>());
        Assert.Equal(64, only["digest"]!.GetValue<string>().Length);
    }

    [Theory]
    [MemberData(nameof(VersionLists))]
    public async Task SinceVersionListsOnlyLaterVersionNumbers(string list)
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await RegulatorSteps.ChangeAndPublishAsync(app, admin);
        await RegulatorSteps.ChangeAndPublishAsync(app, admin);

        var since1 = (await (await admin.GetAsync($"{list}?sinceVersion=1")).JsonBodyAsync()).AsArray();
        Assert.Equal([3, 2], since1.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal(["in-effect", "superseded"], since1.Select(v => v!["status"]!.GetValue<string>()));
        Assert.Empty((await (await admin.GetAsync($"{list}?sinceVersion=3")).JsonBodyAsync()).AsArray());
        Assert.Equal(3, (await (await admin.GetAsync(list)).JsonBodyAsync()).AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(VersionLists))]
    public async Task AnUnchangedPollIs304AndANewVersionChangesTheETag(string list)
    {
        await using var app = new PricingApiFactory();
        var client = app.CreateClient(Roles.Regulator);
        var poll = $"{list}?sinceVersion=1";

        var first = await client.GetAsync(poll);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(Conditional(poll, etag))).StatusCode);

        await RegulatorSteps.ChangeAndPublishAsync(app, app.CreateClient(Roles.PricingAdmin));

        var changed = await client.SendAsync(Conditional(poll, etag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Single((await changed.JsonBodyAsync()).AsArray());
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(Conditional(poll, changed.Headers.ETag!))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(VersionLists))]
    public async Task MalformedPublishedAfterIs400NamingIt(string list)
    {
        var app = shared.App;

        var errors = await (await app.CreateClient(Roles.Regulator).GetAsync($"{list}?publishedAfter=last-tuesday")).ValidationErrorsAsync("publishedAfter");

        Assert.Contains("ISO 8601", errors[0]);
    }

    [Fact]
    public async Task TheRegulatorListIsPrivateAndThePublicListStaysPublic()
    {
        var app = shared.App;

        var regulator = await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/fee-list/versions");
        var anonymous = await app.CreateAnonymousClient().GetAsync("/api/fee-list/versions");

        Assert.True(regulator.Headers.CacheControl!.Private);
        Assert.True(anonymous.Headers.CacheControl!.Public);
        Assert.Equal(await anonymous.Content.ReadAsStringAsync(), await regulator.Content.ReadAsStringAsync());
    }

    private static HttpRequestMessage Conditional(string url, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.IfNoneMatch.Add(etag);
        return request;
    }
}
