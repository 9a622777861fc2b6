using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;
using PricingApi.Audit;

namespace PricingApi.Tests.Regulator;

/// <remarks>One service for the malformed queries, which are refused and read nothing; every test that changes the catalog or reads a trail it made starts its own.</remarks>
public class AuditTrailTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Fact]
    public async Task EveryKindOfChangeIsRecordedWithWhoDidItAndTheStatesBeforeAndAfter()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin, "Price desk Li");
        var since = Uri.EscapeDataString(app.Clock.Now.AddSeconds(1).ToString("O"));
        // Before "since": a change for the publication below to publish (the steps after it leave the catalog as it was).
        await RegulatorSteps.CreateAsync(admin, Requests.Extended("EXT-AUD-0"));

        Step(app);
        await RegulatorSteps.CreateAsync(admin, Requests.Extended("EXT-AUD-1", priceExcludingTax: 110.00m));
        Step(app);
        await (await admin.PutJsonAsync("/api/admin/services/EXT-AUD-1", Requests.Extended("EXT-AUD-1", priceExcludingTax: 109.00m))).JsonBodyAsync();
        Step(app);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/services/EXT-AUD-1")).StatusCode);
        var published = await RegulatorSteps.PublishAsync(app, admin);
        Step(app);
        var keyId = await RunKeysAsync(app, "create", "--role", "regulator", "--name", "Audit office");
        Step(app);
        await RunKeysAsync(app, "revoke", keyId);

        var page = await (await app.CreateClient(Roles.Regulator).GetAsync($"/api/regulator/audit?from={since}")).JsonBodyAsync();
        var items = page["items"]!.AsArray().Select(i => i!).ToList();

        Assert.Equal(6, page["total"]!.GetValue<int>());
        Assert.Equal(["key-revoked", "key-created", "version-published", "service-deleted", "service-updated", "service-created"],
            items.Select(i => i["action"]!.GetValue<string>()));
        Assert.Equal(items.Select(i => i["at"]!.GetValue<string>()).OrderDescending(), items.Select(i => i["at"]!.GetValue<string>()));

        var (revoked, created, version, deleted, updated, added) = (items[0], items[1], items[2], items[3], items[4], items[5]);
        foreach (var byKey in new[] { version, deleted, updated, added })
        {
            Assert.Equal("Price desk Li", byKey["actor"]!["name"]!.GetValue<string>());
            Assert.Equal("pricing-admin", byKey["actor"]!["role"]!.GetValue<string>());
        }

        Assert.Equal("EXT-AUD-1", added["serviceCode"]!.GetValue<string>());
        Assert.Null(added["before"]);
        Assert.Equal(110.00m, Object(added["after"])["priceExcludingTax"]!.GetValue<decimal>());
        Assert.Equal(110.00m, Object(updated["before"])["priceExcludingTax"]!.GetValue<decimal>());
        Assert.Equal(109.00m, Object(updated["after"])["priceExcludingTax"]!.GetValue<decimal>());
        Assert.Equal(109.00m, Object(deleted["before"])["priceExcludingTax"]!.GetValue<decimal>());
        Assert.Null(deleted["after"]);

        Assert.Equal("2", version["subject"]!.GetValue<string>());
        Assert.Equal(published["digest"]!.GetValue<string>(), Object(version["after"])["digest"]!.GetValue<string>());

        foreach (var keyEvent in new[] { created, revoked })
        {
            // No --operator was given: the operating-system account stands in for the person.
            Assert.Equal(Environment.UserName, keyEvent["actor"]!["name"]!.GetValue<string>());
            Assert.Equal("operator", keyEvent["actor"]!["role"]!.GetValue<string>());
            Assert.Equal(keyId, keyEvent["subject"]!.GetValue<string>());
        }

        Assert.Equal("Audit office", Object(created["after"])["name"]!.GetValue<string>());
        Assert.Equal("regulator", Object(created["after"])["role"]!.GetValue<string>());
        Assert.Equal("Audit office", Object(revoked["before"])["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheTrailFiltersByServiceCodeActionAndTimeRangeAndPagesNewestFirst()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin, "Price desk Wang");
        var seeded = await (await admin.GetAsync("/api/regulator/audit?pageSize=200")).JsonBodyAsync();
        var seedCount = seeded["total"]!.GetValue<int>();
        // Besides the seed's own entries, the first start records the rule settings it started with.
        Assert.All(seeded["items"]!.AsArray().Where(i => i!["action"]!.GetValue<string>() != "rules-configuration-changed"),
            i => Assert.Equal("seed", i!["actor"]!["name"]!.GetValue<string>()));

        Step(app);
        var beforeEdit = Uri.EscapeDataString(app.Clock.Now.ToString("O"));
        await (await admin.PutJsonAsync("/api/admin/services/EXT-TEST-9", Requests.Extended("EXT-TEST-9", cost: 230.00m, priceExcludingTax: 240.00m))).JsonBodyAsync();
        Step(app);
        var afterEdit = Uri.EscapeDataString(app.Clock.Now.ToString("O"));
        await RegulatorSteps.CreateAsync(admin, Requests.Extended("EXT-AUD-2"));

        var regulator = app.CreateClient(Roles.Regulator);
        var byCode = await (await regulator.GetAsync("/api/regulator/audit?serviceCode=EXT-TEST-9")).JsonBodyAsync();
        Assert.Equal(["service-updated", "service-created"], byCode["items"]!.AsArray().Select(i => i!["action"]!.GetValue<string>()));

        var byAction = await (await regulator.GetAsync("/api/regulator/audit?action=service-updated")).JsonBodyAsync();
        Assert.Equal("EXT-TEST-9", Assert.Single(byAction["items"]!.AsArray())!["subject"]!.GetValue<string>());

        var inRange = await (await regulator.GetAsync($"/api/regulator/audit?from={beforeEdit}&to={afterEdit}")).JsonBodyAsync();
        Assert.Equal("service-updated", Assert.Single(inRange["items"]!.AsArray())!["action"]!.GetValue<string>());

        var page2 = await (await regulator.GetAsync("/api/regulator/audit?page=2&pageSize=1")).JsonBodyAsync();
        Assert.Equal(seedCount + 2, page2["total"]!.GetValue<int>());
        Assert.Equal(2, page2["page"]!.GetValue<int>());
        Assert.Equal(1, page2["pageSize"]!.GetValue<int>());
        Assert.Equal("service-updated", Assert.Single(page2["items"]!.AsArray())!["action"]!.GetValue<string>());

        var all = await (await regulator.GetAsync("/api/regulator/audit")).JsonBodyAsync();
        Assert.Equal(50, all["pageSize"]!.GetValue<int>());
        Assert.Equal("EXT-AUD-2", all["items"]![0]!["subject"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("from=yesterday", "from", "ISO 8601")]
    [InlineData("to=2026-13-01", "to", "ISO 8601")]
    [InlineData("from=2026-12-01&to=2026-11-01", "to", "later than 'from'")]
    [InlineData("action=price-changed", "action", "version-published")]
    [InlineData("pageSize=500", "pageSize", "200")]
    [InlineData("page=0", "page", "1")]
    public async Task MalformedQueriesAre400NamingTheField(string query, string field, string message)
    {
        var app = shared.App;

        var errors = await (await app.CreateClient(Roles.Regulator).GetAsync($"/api/regulator/audit?{query}")).ValidationErrorsAsync(field);

        Assert.Contains(message, errors[0]);
    }

    [Fact]
    public async Task AnUnchangedTrailIs304()
    {
        await using var app = new PricingApiFactory();
        var regulator = app.CreateClient(Roles.Regulator);
        var first = await regulator.GetAsync("/api/regulator/audit");

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/regulator/audit");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await regulator.SendAsync(again)).StatusCode);

        await RegulatorSteps.CreateAsync(app.CreateClient(Roles.PricingAdmin), Requests.Extended("EXT-AUD-3"));
        var changed = new HttpRequestMessage(HttpMethod.Get, "/api/regulator/audit");
        changed.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await regulator.SendAsync(changed)).StatusCode);
    }

    [Fact]
    public async Task TheDatabaseRefusesToUpdateOrDeleteAnAuditEntry()
    {
        await using var app = new PricingApiFactory();
        app.CreateAnonymousClient();

        var update = await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
            entry.ActorName = "someone else";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", update.InnerException!.Message);

        var delete = await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", delete.InnerException!.Message);

        var first = await app.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
        Assert.Equal("seed", first.ActorName);
    }

    private static void Step(PricingApiFactory app) => app.Clock.Advance(TimeSpan.FromMinutes(1));

    private static JsonObject Object(JsonNode? node) => Assert.IsType<JsonObject>(node);

    /// <summary>Runs `keys …` as the command line does; returns the key id named on its first line for `create`.</summary>
    private static async Task<string> RunKeysAsync(PricingApiFactory app, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await PricingApi.ApiKeys.KeyCommands.RunAsync(["keys", .. args], app.Services, output, error);
        Assert.True(exitCode == 0, error.ToString());
        var match = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"key id ([0-9a-f]{16})");
        return match.Success ? match.Groups[1].Value : "";
    }
}
