using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PricingApi.ApiKeys;
using PricingApi.Data;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;
using Xunit.Abstractions;
using PricingApi.Quotes;

namespace PricingApi.Tests.Robustness;

/// <summary>
/// The real service process, killed with SIGKILL while eight clerks issue quotes (accepting and completing every other
/// one, so charges flow through the same group commit) and an admin publishes, then started again on the same database:
/// everything it acknowledged, charges included, must still be there, unchanged, and nothing half-written.
/// Runs on the suite's database: a SQLite file (then also PRAGMA integrity_check), or PostgreSQL when the suite runs
/// on it. PRICINGAPI_CRASH_CYCLES sets how many kill/restart cycles (3 by default).
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow), Trait(TestCategories.Kind, TestCategories.Crash)]
public class CrashSafetyTests(ITestOutputHelper output)
{
    public const string CyclesVariable = "PRICINGAPI_CRASH_CYCLES";
    private const int Clerks = 8;

    private static readonly (string Code, decimal Quantity)[][] Baskets =
    [
        [("EXT-TANK-CLEAN-20", 1m)],
        [("EXT-TEST-9", 3m), ("EXT-PIPE-FLUSH-DN50", 2.5m)],
        [("EXT-LEAK-DN50", 2m), ("EXT-VALVE-DN25", 4m), ("EXT-TEST-SINGLE", 7m)],
    ];

    [Fact]
    public async Task EveryAcknowledgedQuoteAndVersionSurvivesSigkillAndNothingIsHalfWritten()
    {
        var cycles = int.TryParse(Environment.GetEnvironmentVariable(CyclesVariable), out var n) && n > 0 ? n : 3;
        await using var database = new CrashDatabase();
        var quotes = new ConcurrentDictionary<string, JsonNode>();
        var charges = new ConcurrentDictionary<string, JsonNode>();
        var versions = new ConcurrentDictionary<int, string>();
        var service = await ServiceProcess.StartAsync(database.Path, database.Environment);
        var (staffKey, adminKey) = await database.CreateKeysAsync();
        var checks = 0;
        var lost = new List<string>();

        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            var before = quotes.Count;
            using var stop = new CancellationTokenSource();
            var clerks = Enumerable.Range(0, Clerks).Select(i => IssueUntilStoppedAsync(service, staffKey, i, quotes, charges, stop.Token)).ToList();
            await PublishAsync(service, adminKey, cycle, TimeSpan.Zero, versions);

            // Kill mid-stream: once quotes are flowing and the publish has been sent, not at a quiet moment.
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (quotes.Count < before + 20 * Clerks)
            {
                Assert.True(DateTime.UtcNow < deadline && !service.HasExited, $"Quotes stopped flowing:\n{string.Join('\n', service.Output.TakeLast(20))}");
                await Task.Delay(20);
            }

            // A second publish races the kill: acknowledged or not, it must be whole or absent afterwards.
            var racing = PublishAsync(service, adminKey, cycle, TimeSpan.FromHours(1), versions);
            await Task.Delay(Random.Shared.Next(0, 150));
            service.Kill();
            await service.WaitForExitAsync(TimeSpan.FromSeconds(30));
            stop.Cancel();
            await Task.WhenAll([.. clerks, racing]);
            await service.DisposeAsync();

            if (database.OnSqlite)
            {
                Assert.Equal("ok", IntegrityCheck(database.Path));
            }

            service = await ServiceProcess.StartAsync(database.Path, database.Environment);
            checks += quotes.Count + charges.Count + versions.Count;
            lost.AddRange(await LostOrChangedAsync(service, adminKey, quotes, charges, versions));
            output.WriteLine($"Crash {cycle}: {quotes.Count - before} quotes acknowledged in this cycle; {quotes.Count} quotes, {charges.Count} charges and {versions.Count} versions checked after the restart.");
        }

        await service.DisposeAsync();
        Assert.True(charges.Count > 0, "No completion was acknowledged: the test did not exercise charges.");
        output.WriteLine($"Crashes survived: {cycles}. Acknowledged writes: {quotes.Count + charges.Count + versions.Count:N0} ({quotes.Count} quotes, {charges.Count} charges, {versions.Count} versions), " +
                         $"each checked after every later crash ({checks:N0} checks). Acknowledged writes lost or changed: {lost.Count}.");
        Assert.True(lost.Count == 0, string.Join('\n', lost));
    }

    /// <summary>
    /// A clerk issuing quotes until the process dies under it, accepting and completing every other one; every 201 quote and
    /// every 200 completion is remembered exactly as it was answered.
    /// </summary>
    private static async Task IssueUntilStoppedAsync(ServiceProcess service, string key, int clerk, ConcurrentDictionary<string, JsonNode> acknowledged,
        ConcurrentDictionary<string, JsonNode> charged, CancellationToken stop)
    {
        using var client = Client(service, key);
        for (var i = clerk; !stop.IsCancellationRequested; i++)
        {
            try
            {
                var response = await client.PostJsonAsync("/api/quotes", QuoteRequests.Quote(Baskets[i % Baskets.Length]));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var quote = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                    var number = quote["number"]!.GetValue<string>();
                    acknowledged[number] = quote;
                    if (i % 2 == 0 && (await client.PostAsync($"/api/quotes/{number}/acceptance", null)).StatusCode == HttpStatusCode.OK)
                    {
                        var completion = new { lines = Baskets[i % Baskets.Length].Select(l => new { serviceCode = l.Code, quantity = l.Quantity }) };
                        var done = await client.PostJsonAsync($"/api/quotes/{number}/completion", completion);
                        if (done.StatusCode == HttpStatusCode.OK)
                        {
                            charged[number] = JsonNode.Parse(await done.Content.ReadAsStringAsync())!["charge"]!;
                        }
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                // The process died mid-request: that quote was never acknowledged, so nothing is owed for it.
                await Task.Delay(10, CancellationToken.None);
            }
        }
    }

    /// <summary>A price change and a publish, so each cycle writes a new version while the quotes flow; a 201 is remembered with its digest.</summary>
    private static async Task PublishAsync(ServiceProcess service, string key, int cycle, TimeSpan later, ConcurrentDictionary<int, string> acknowledged)
    {
        using var client = Client(service, key);
        try
        {
            // Within the cap of EXT-TANK-CLEAN-20 at cost 820.00 (up to 902.00), and different each time.
            var item = Requests.Extended("EXT-TANK-CLEAN-20", cost: 820.00m, priceExcludingTax: 850.00m + cycle + (decimal)later.TotalHours);
            await client.PutJsonAsync("/api/admin/services/EXT-TANK-CLEAN-20", item.With("name", $"二次供水水箱清洗 {cycle}"));
            var response = await client.PostJsonAsync("/api/admin/fee-list/versions", new { effectiveFrom = DateTimeOffset.Now.AddDays(cycle).Add(later) });
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var version = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                acknowledged[version["version"]!.GetValue<int>()] = version["digest"]!.GetValue<string>();
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            // Killed before it answered: not acknowledged.
        }
    }

    /// <summary>
    /// Every acknowledged quote present and unchanged; versions numbered 1..n without a gap, each stored document parsing and
    /// hashing to its digest; every acknowledged version there with the digest it was acknowledged with. Returns what is not.
    /// </summary>
    private static async Task<List<string>> LostOrChangedAsync(ServiceProcess service, string key, ConcurrentDictionary<string, JsonNode> quotes,
        ConcurrentDictionary<string, JsonNode> charges, ConcurrentDictionary<int, string> versions)
    {
        using var client = Client(service, key);
        var lost = new List<string>();
        foreach (var (number, acknowledged) in quotes)
        {
            var response = await client.GetAsync($"/api/quotes/{number}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                lost.Add($"Quote {number} was acknowledged with 201 and is now {(int)response.StatusCode}.");
                continue;
            }

            var stored = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            lost.AddRange(new[] { "number", "feeListVersion", "createdAt", "validUntil", "customer", "lines", "total" }
                .Where(field => !JsonNode.DeepEquals(acknowledged[field], stored[field]))
                .Select(field => $"Quote {number}: '{field}' was {acknowledged[field]?.ToJsonString()} when acknowledged, {stored[field]?.ToJsonString()} after the crash."));
            if (charges.TryGetValue(number, out var charge) && !JsonNode.DeepEquals(charge, stored["charge"]))
            {
                lost.Add($"Quote {number}: its charge was {charge.ToJsonString()} when acknowledged, {stored["charge"]?.ToJsonString()} after the crash.");
            }
        }

        var listed = (await (await client.GetAsync("/api/regulator/fee-list/versions")).JsonBodyAsync()).AsArray();
        var numbers = listed.Select(v => v!["version"]!.GetValue<int>()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        foreach (var summary in listed)
        {
            var version = summary!["version"]!.GetValue<int>();
            var bytes = await (await client.GetAsync($"/api/regulator/fee-list/versions/{version}")).Content.ReadAsByteArrayAsync();
            var document = JsonNode.Parse(bytes)!; // throws if half-written
            Assert.Equal(version, document["version"]!.GetValue<int>());
            Assert.Equal(summary["digest"]!.GetValue<string>(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }

        lost.AddRange(versions.Where(v => listed.SingleOrDefault(l => l!["version"]!.GetValue<int>() == v.Key)?["digest"]?.GetValue<string>() != v.Value)
            .Select(v => $"Version {v.Key} was acknowledged with digest {v.Value} and is now missing or different."));
        return lost;
    }

    private static string IntegrityCheck(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    private static HttpClient Client(ServiceProcess service, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.Port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return client;
    }

    /// <summary>The database the process runs on: a SQLite file in a new directory, or a new PostgreSQL database.</summary>
    private sealed class CrashDatabase : IAsyncDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("pricingapi-crash-").FullName;
        private readonly string? _postgres = TestDatabases.PostgresServer is { } server ? TestDatabases.CreatePostgresDatabase(server) : null;

        public bool OnSqlite => _postgres is null;

        /// <summary>The SQLite file (on PostgreSQL, only the process's working directory is used).</summary>
        public string Path => System.IO.Path.Combine(_directory, "pricing.db");

        public Dictionary<string, string> Environment => _postgres is null ? [] : new()
        {
            ["Database__Provider"] = "postgres",
            ["ConnectionStrings__Pricing"] = TestDatabases.PostgresConnectionString(TestDatabases.PostgresServer!, _postgres),
        };

        /// <summary>Stores a staff and an admin key straight into the database, as `keys create` would.</summary>
        public async Task<(string Staff, string Admin)> CreateKeysAsync()
        {
            await using PricingDbContext db = _postgres is null
                ? new SqlitePricingDbContext(new DbContextOptionsBuilder<SqlitePricingDbContext>().UseSqlite($"Data Source={Path}").Options)
                : new PostgresPricingDbContext(new DbContextOptionsBuilder<PostgresPricingDbContext>().UseNpgsql(Environment["ConnectionStrings__Pricing"]).Options);
            string Add(string role)
            {
                var (key, keyId, hash) = ApiKeySecrets.Generate();
                db.ApiKeys.Add(new ApiKey { KeyId = keyId, Name = $"Crash test {role}", Role = role, SecretHash = hash, CreatedAt = DateTimeOffset.UtcNow });
                return key;
            }

            var keys = (Add(Roles.Staff), Add(Roles.PricingAdmin));
            await db.SaveChangesAsync();
            return keys;
        }

        public ValueTask DisposeAsync()
        {
            // This file's pool only (CreateKeysAsync's connection): ClearAllPools would race with other tests opening theirs.
            SqliteConnection.ClearPool(new SqliteConnection($"Data Source={Path}"));
            if (_postgres is not null)
            {
                TestDatabases.DropPostgresDatabase(TestDatabases.PostgresServer!, _postgres);
            }

            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }

            return ValueTask.CompletedTask;
        }
    }
}
