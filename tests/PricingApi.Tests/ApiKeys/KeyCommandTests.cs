using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;
using PricingApi.Audit;

namespace PricingApi.Tests.ApiKeys;

public class KeyCommandTests
{
    [Fact]
    public async Task CreatePrintsTheKeyAloneOnTheLastLineAndStoresOnlyItsHash()
    {
        await using var app = new PricingApiFactory();
        var (exit, output, _) = await Run(app, "keys", "create", "--role", "staff", "--name", "Counter 3");

        Assert.Equal(0, exit);
        var key = output.TrimEnd().Split('\n')[^1].Trim();
        Assert.StartsWith("pk.", key);
        var stored = await app.WithDbAsync(db => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "Counter 3"));
        Assert.Equal("staff", stored.Role);
        Assert.Equal(32, stored.SecretHash.Length);
        Assert.DoesNotContain(key.Split('.')[2], Convert.ToBase64String(stored.SecretHash));

        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        // A staff key authenticates, and is then refused where only pricing admins may go.
        await (await client.GetAsync("/api/admin/services")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ListShowsKeysWithoutSecretsAndRevokeShutsTheKeyOut()
    {
        await using var app = new PricingApiFactory();
        var (_, created, _) = await Run(app, "keys", "create", "--role", "pricing-admin", "--name", "Pricing desk");
        var key = created.TrimEnd().Split('\n')[^1].Trim();
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/services")).StatusCode);

        var (_, list, _) = await Run(app, "keys", "list");
        Assert.Contains("Pricing desk", list);
        Assert.Contains("pricing-admin", list);
        Assert.DoesNotContain(key, list);

        var id = await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Name == "Pricing desk").Select(k => k.Id).SingleAsync());
        var (exit, revoked, _) = await Run(app, "keys", "revoke", id.ToString());
        Assert.Equal(0, exit);
        Assert.Contains("revoked", revoked);
        // A key just used is trusted for ApiKeys:CacheSeconds (5); the revocation applies once that has passed.
        app.Clock.Advance(TimeSpan.FromSeconds(6));
        await (await client.GetAsync("/api/admin/services")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ARevocationReachesARunningInstanceWithinTheKeyCacheLifetime()
    {
        await using var app = new PricingApiFactory();
        var (_, created, _) = await Run(app, "keys", "create", "--role", "staff", "--name", "Counter 9");
        var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", created.TrimEnd().Split('\n')[^1].Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/quotes")).StatusCode);

        await Run(app, "keys", "revoke", "1");
        app.Clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/quotes")).StatusCode);
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        await (await client.GetAsync("/api/quotes")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("keys", "create", "--role", "superuser", "--name", "X")]
    [InlineData("keys", "create", "--role", "staff")]
    [InlineData("keys", "frobnicate")]
    public async Task BadCommandsExitNonZeroWithUsage(params string[] args)
    {
        await using var app = new PricingApiFactory();
        var (exit, output, error) = await Run(app, args);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.NotEqual("", error);
    }

    [Fact]
    public async Task AuditEntriesNameTheOperatorGivenOnTheCommandLineElseTheAccount()
    {
        await using var app = new PricingApiFactory();
        await Run(app, "keys", "create", "--role", "staff", "--name", "Counter 5", "--operator", "王工");
        var (exit, _, _) = await Run(app, "keys", "revoke", "1", "--operator", "李工");
        Assert.Equal(0, exit);
        await Run(app, "keys", "create", "--role", "staff", "--name", "Counter 6");

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith("key")).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["王工", "李工", Environment.UserName], entries.Select(e => e.ActorName));
        Assert.All(entries, e => Assert.Equal("operator", e.ActorRole));
        var (refused, _, error) = await Run(app, "keys", "create", "--role", "staff", "--name", "Counter 7", "--operator");
        Assert.Equal(2, refused);
        Assert.Contains("--operator", error);
    }

    /// <summary>The audit trail names a key's holder by its name, so two keys in use may not share one; a revoked key's name is free again.</summary>
    [Fact]
    public async Task ANameAKeyInUseHoldsIsRefusedUntilThatKeyIsRevoked()
    {
        await using var app = new PricingApiFactory();
        var (first, _, _) = await Run(app, "keys", "create", "--role", "pricing-admin", "--name", "Pricing desk");
        var (second, _, error) = await Run(app, "keys", "create", "--role", "pricing-admin", "--name", " Pricing desk ");

        Assert.Equal(0, first);
        Assert.Equal(2, second);
        Assert.Contains("\"Pricing desk\"", error);
        Assert.Equal(1, await app.WithDbAsync(db => db.ApiKeys.CountAsync(k => k.Name == "Pricing desk")));

        var id = await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Name == "Pricing desk").Select(k => k.Id).SingleAsync());
        await Run(app, "keys", "revoke", id.ToString());
        var (again, _, _) = await Run(app, "keys", "create", "--role", "pricing-admin", "--name", "Pricing desk");
        Assert.Equal(0, again);
    }

    [Fact]
    public async Task RevokingAnUnknownKeyFails()
    {
        await using var app = new PricingApiFactory();
        var (exit, _, error) = await Run(app, "keys", "revoke", "999");
        Assert.Equal(1, exit);
        Assert.Contains("999", error);
    }

    private static async Task<(int Exit, string Output, string Error)> Run(PricingApiFactory app, params string[] args)
    {
        var output = new StringWriter(new StringBuilder());
        var error = new StringWriter(new StringBuilder());
        var exit = await KeyCommands.RunAsync(args, app.Services, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
