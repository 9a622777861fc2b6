using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PricingApi.ApiKeys;
using PricingApi.Security;
using PricingApi.Tests.Infrastructure;
using PricingApi.Utility;
using PricingApi.Tests.Quotes;
using Xunit.Abstractions;
using static PricingApi.Tests.Contract.ContractSession;

namespace PricingApi.Tests.Contract;

/// <summary>
/// The OpenAPI document checked by tools that know nothing of this code: Spectral lints the document a started
/// service serves, and a scripted session of real requests through Prism's validating proxy provokes every status
/// every operation declares (<see cref="ContractCoverage"/>), with the document's own examples as the successful
/// bodies. See docs/openapi.md.
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow), Trait(TestCategories.Kind, TestCategories.Process)]
public sealed class ContractTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Enough for a 401 from every keyed operation before the throttle answers 429.</summary>
    private const int FailedKeyChecksPerMinute = 60;

    [ContractFact]
    public async Task SpectralFindsNoErrorAndNoWarningInTheServedDocument()
    {
        Assert.True(ContractTools.IsInstalled, ContractTools.Missing);
        var directory = Directory.CreateTempSubdirectory("pricingapi-contract-").FullName;
        await using var service = await ServiceProcess.StartAsync(Path.Combine(directory, "pricing.db"));
        var document = Path.Combine(directory, "openapi.json");
        await File.WriteAllTextAsync(document, await service.Client.GetStringAsync("/openapi/v1.json"));

        var (exitCode, text) = await ContractTools.RunAsync(ContractTools.Spectral,
            ["lint", "--ruleset", ContractTools.Ruleset, "--fail-severity", "hint", document], ToolTimeout);

        output.WriteLine(text);
        Assert.True(exitCode == 0, $"Spectral (spectral:oas) reported problems in /openapi/v1.json:\n{text}");
    }

    [ContractFact]
    public async Task ASessionThroughPrismProvokesEveryDeclaredStatusAndNothingBreaksTheDocument()
    {
        Assert.True(ContractTools.IsInstalled, ContractTools.Missing);
        await using var app = new PricingApiFactory(output: output, settings: new Dictionary<string, string?>
        {
            ["RateLimits:AnonymousPostsPerMinute"] = "6",
            ["RateLimits:FailedKeyChecksPerMinute"] = FailedKeyChecksPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var site = app.StartOnLoopback();
        var keys = new Dictionary<string, string?>
        {
            [Roles.PricingAdmin] = app.CreateKey(Roles.PricingAdmin, "Contract admin"),
            [Roles.Staff] = app.CreateKey(Roles.Staff, "Contract staff"),
            [Roles.Regulator] = app.CreateKey(Roles.Regulator, "Contract regulator"),
        };
        var text = await app.CreateAnonymousClient().GetStringAsync("/openapi/v1.json");
        var coverage = new ContractCoverage(JsonNode.Parse(text)!);
        var failures = new List<string>();

        await using (var proxied = await ProxiedAsync(site, text, keys, coverage))
        {
            var s = proxied.Session;
            await PublicAsync(s);
            await CatalogAsync(s, app);
            await PublishingAsync(s, app);
            await QuotesAsync(s, app);
            await RegulatorAsync(s);
            await BodiesAsync(s);
            await ReadinessAsync(s, app);
            await KeysAndThrottlesAsync(s);
            output.WriteLine($"{s.Sent} requests through Prism in the main session");
            failures.AddRange(proxied.Failures());
        }

        failures.AddRange(await FourEyesAsync(coverage));

        foreach (var line in coverage.Summary())
        {
            output.WriteLine(line);
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        var unprovoked = coverage.Problems();
        Assert.True(unprovoked.Count == 0, string.Join("\n", unprovoked));
    }

    /// <summary>
    /// The statuses only four-eyes publishing answers (Publishing:RequireApproval), on a second instance and proxy: a
    /// publish answers 202, the proposal reads 200 (400 for a bad filter, 404 for none), the proposer's own approval 403, an approval after the date passed 422, another admin's 201,
    /// a second approval 409; a second proposal's rejection 200, again 409, without a reason 400, of none 404. First, while
    /// that instance's clock is before any version took effect, the page's 404.
    /// </summary>
    private async Task<List<string>> FourEyesAsync(ContractCoverage coverage)
    {
        await using var app = new PricingApiFactory(output: output, settings: new Dictionary<string, string?> { ["Publishing:RequireApproval"] = "true" });
        var site = app.StartOnLoopback();
        const string SecondAdmin = "second pricing-admin";
        var keys = new Dictionary<string, string?>
        {
            [Roles.PricingAdmin] = app.CreateKey(Roles.PricingAdmin, "Proposing admin"),
            [SecondAdmin] = app.CreateKey(Roles.PricingAdmin, "Approving admin"),
        };
        var text = await app.CreateAnonymousClient().GetStringAsync("/openapi/v1.json");
        await using var proxied = await ProxiedAsync(site, text, keys, coverage);
        var s = proxied.Session;

        var now = app.Clock.Now;
        app.Clock.Set(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        await s.ExpectAsync(Anonymous, HttpMethod.Get, "/fees", 404);
        app.Clock.Set(now);

        await s.ExpectAsync(Roles.PricingAdmin, HttpMethod.Post, "/api/admin/services", 201, s.Example("POST", "/api/admin/services"));
        var proposed = await s.ExpectAsync(Roles.PricingAdmin, HttpMethod.Post, "/api/admin/fee-list/versions", 202, s.Example("POST", "/api/admin/fee-list/versions"));
        var id = proposed is null ? 1 : JsonNode.Parse(await proposed.Content.ReadAsStringAsync())!["proposal"]!.GetValue<long>();
        await s.ExpectAsync(SecondAdmin, HttpMethod.Get, "/api/admin/fee-list/proposals?status=open", 200);
        await s.RefusedAsync(SecondAdmin, HttpMethod.Get, "/api/admin/fee-list/proposals?status=pending", 400);
        await s.ExpectAsync(SecondAdmin, HttpMethod.Get, $"/api/admin/fee-list/proposals/{id}", 200);
        await s.ExpectAsync(SecondAdmin, HttpMethod.Get, "/api/admin/fee-list/proposals/999", 404);
        await s.ExpectAsync(Roles.PricingAdmin, HttpMethod.Post, $"/api/admin/fee-list/proposals/{id}/approval", 403); // not one's own
        // A second proposal of the same catalog for another day, closed with a reason (200), again (409), without one (400).
        var other = await s.ExpectAsync(Roles.PricingAdmin, HttpMethod.Post, "/api/admin/fee-list/versions", 202,
            new { effectiveFrom = UtilityTime.Format(new DateTimeOffset(now.ToOffset(UtilityTime.Offset).Date.AddDays(5), UtilityTime.Offset)) });
        var otherId = other is null ? 2 : JsonNode.Parse(await other.Content.ReadAsStringAsync())!["proposal"]!.GetValue<long>();
        var rejection = s.Example("POST", "/api/admin/fee-list/proposals/{id}/rejection");
        await s.RefusedAsync(SecondAdmin, HttpMethod.Post, $"/api/admin/fee-list/proposals/{otherId}/rejection", 400, new { });
        await s.ExpectAsync(SecondAdmin, HttpMethod.Post, $"/api/admin/fee-list/proposals/{otherId}/rejection", 200, rejection);
        await s.ExpectAsync(SecondAdmin, HttpMethod.Post, $"/api/admin/fee-list/proposals/{otherId}/rejection", 409, rejection);
        await s.ExpectAsync(SecondAdmin, HttpMethod.Post, "/api/admin/fee-list/proposals/999/rejection", 404, rejection);
        app.Clock.Advance(TimeSpan.FromDays(3)); // past the proposed date: approving now would publish into the past
        await s.ExpectAsync(SecondAdmin, HttpMethod.Post, $"/api/admin/fee-list/proposals/{id}/approval", 422);
        app.Clock.Set(now);
        await s.ExpectAsync(SecondAdmin, HttpMethod.Post, $"/api/admin/fee-list/proposals/{id}/approval", 201);
        await s.ExpectAsync(SecondAdmin, HttpMethod.Post, $"/api/admin/fee-list/proposals/{id}/approval", 409);
        await s.ExpectAsync(SecondAdmin, HttpMethod.Post, "/api/admin/fee-list/proposals/999/approval", 404);
        return proxied.Failures();
    }

    /// <summary>Prism in front of a started instance, with a session; the document is the one that instance serves.</summary>
    private static async Task<Proxied> ProxiedAsync(Uri site, string document, IReadOnlyDictionary<string, string?> keys, ContractCoverage coverage)
    {
        var documentPath = Path.Combine(Directory.CreateTempSubdirectory("pricingapi-contract-").FullName, "openapi.json");
        await File.WriteAllTextAsync(documentPath, document);
        var prism = await PrismProxy.StartAsync(documentPath, site);
        return new Proxied(prism, new ContractSession(JsonNode.Parse(document)!, prism.Address, site, keys, coverage));
    }

    private sealed record Proxied(PrismProxy Prism, ContractSession Session) : IAsyncDisposable
    {
        public List<string> Failures() => Session.Failures.Count == 0
            ? []
            : [.. Session.Failures, "Prism's log:\n" + string.Join('\n', Prism.Output.TakeLast(40))];

        public async ValueTask DisposeAsync()
        {
            Session.Dispose();
            await Prism.DisposeAsync();
        }
    }

    private static async Task PublicAsync(ContractSession s)
    {
        foreach (var path in new[]
                 {
                     "/api/fee-list", "/api/fee-list?at=2030-01-01T00:00:00", "/api/fee-list/versions", "/api/fee-list/versions?sinceVersion=0",
                     "/api/fee-list/versions/1", "/api/fee-list/versions/1/changes", "/api/fee-list/versions/1/signature", "/.well-known/jwks.json",
                     "/api/fee-list/feed.atom", "/api/fee-list.csv", "/api/fee-list.xlsx", "/api/fee-list.xlsx?version=1", "/fees", "/fees/1",
                     "/healthz", "/readyz", "/api/service-area",
                 })
        {
            await s.ExpectAsync(Anonymous, HttpMethod.Get, path, 200);
        }

        foreach (var path in new[] { "/api/fee-list?at=2000-01-01", "/api/fee-list/versions/99", "/api/fee-list/versions/99/changes", "/api/fee-list/versions/99/signature", "/api/fee-list.csv?version=99", "/api/fee-list.xlsx?version=99", "/fees/99" })
        {
            await s.ExpectAsync(Anonymous, HttpMethod.Get, path, 404);
        }

        await s.RefusedAsync(Anonymous, HttpMethod.Get, "/api/fee-list.csv?version=abc", 400);
        await s.RefusedAsync(Anonymous, HttpMethod.Get, "/api/fee-list.xlsx?version=abc", 400);
        await s.RefusedAsync(Anonymous, HttpMethod.Get, "/api/fee-list?at=yesterday", 400);
        await s.RefusedAsync(Anonymous, HttpMethod.Get, "/api/fee-list/versions?publishedAfter=12/01/2026", 400);

        // The document's own example (Swagger UI's "Try it out"), then a project, then what the validator refuses.
        await s.ExpectAsync(Anonymous, HttpMethod.Post, "/api/connections/assessments", 200, s.Example("POST", "/api/connections/assessments"));
        await s.ExpectAsync(Anonymous, HttpMethod.Post, "/api/connections/assessments", 200, new
        {
            meterDiameterMm = 50, externalPipeLengthM = 260m, customerType = "non-residential", development = (string?)null,
            project = new { connectionKind = "new", hasExternalPipeWorks = true, projectDataOnGovernmentPlatform = false, buildingType = "standard-factory", totalFloorAreaM2 = 9000m, buildingHeightM = 20m, involvesHazardousGoods = false },
        });
        await s.RefusedAsync(Anonymous, HttpMethod.Post, "/api/connections/assessments", 400, new { meterDiameterMm = 33, externalPipeLengthM = 10m });
    }

    private static async Task CatalogAsync(ContractSession s, PricingApiFactory app)
    {
        const string Admin = Roles.PricingAdmin;
        await s.ExpectAsync(Admin, HttpMethod.Get, "/api/admin/legal-bases", 200);
        await s.ExpectAsync(Roles.Staff, HttpMethod.Get, "/api/admin/legal-bases", 403);
        await s.ExpectAsync(UnknownKey, HttpMethod.Get, "/api/admin/legal-bases", 401);
        await s.ExpectAsync(Admin, HttpMethod.Get, "/api/admin/services", 200);

        var created = s.Example("POST", "/api/admin/services");
        await s.ExpectAsync(Admin, HttpMethod.Post, "/api/admin/services", 201, created);
        await s.ExpectAsync(Admin, HttpMethod.Post, "/api/admin/services", 409, created);
        var overCap = created.DeepClone();
        overCap["code"] = "EXT-VALVE-DN150";
        overCap["priceExcludingTax"] = 5000m;
        await s.ExpectAsync(Admin, HttpMethod.Post, "/api/admin/services", 422, overCap);
        await s.RefusedAsync(Admin, HttpMethod.Post, "/api/admin/services", 400, new { kind = "extended" });
        await s.ExpectAsync(Roles.Regulator, HttpMethod.Post, "/api/admin/services", 403, created);

        var code = created["code"]!.GetValue<string>();
        await s.ExpectAsync(Admin, HttpMethod.Get, $"/api/admin/services/{code}", 200);
        await s.ExpectAsync(Admin, HttpMethod.Get, "/api/admin/services/EXT-NONE", 404);
        var updated = s.Example("PUT", "/api/admin/services/{code}");
        var updatedCode = updated["code"]!.GetValue<string>();
        await s.ExpectAsync(Admin, HttpMethod.Put, $"/api/admin/services/{updatedCode}", 200, updated);
        await s.ExpectAsync(Admin, HttpMethod.Put, $"/api/admin/services/{updatedCode}", 409, updated, h => h.IfMatch.Add(new EntityTagHeaderValue("\"stale\"")));
        var updatedOverCap = updated.DeepClone();
        updatedOverCap["priceExcludingTax"] = 5000m;
        await s.ExpectAsync(Admin, HttpMethod.Put, $"/api/admin/services/{updatedCode}", 422, updatedOverCap);
        var missing = updated.DeepClone();
        missing["code"] = "EXT-NONE";
        await s.ExpectAsync(Admin, HttpMethod.Put, "/api/admin/services/EXT-NONE", 404, missing);
        await s.RefusedAsync(Admin, HttpMethod.Put, $"/api/admin/services/{updatedCode}", 400, new { code = updatedCode });

        await s.ExpectAsync(Admin, HttpMethod.Get, "/api/admin/services.xlsx", 200);
        // Prism re-encodes a binary body as text on its way through (both ways), so a real workbook goes to the service directly.
        var workbook = await app.CreateAdmin().GetByteArrayAsync("/api/admin/services.xlsx");
        await s.DirectAsync(Admin, HttpMethod.Post, "/api/admin/services/import", 200, Xlsx(workbook));

        await s.ExpectAsync(Admin, HttpMethod.Post, "/api/admin/services/import", 400, content: Xlsx("not a workbook"u8.ToArray()));

        await s.ExpectAsync(Admin, HttpMethod.Delete, "/api/admin/services/EXT-TEST-SAMPLING", 409, headers: h => h.IfMatch.Add(new EntityTagHeaderValue("\"stale\"")));
        await s.ExpectAsync(Admin, HttpMethod.Delete, "/api/admin/services/EXT-TEST-SAMPLING", 204);
        await s.ExpectAsync(Admin, HttpMethod.Delete, "/api/admin/services/EXT-TEST-SAMPLING", 404);
    }

    private static async Task PublishingAsync(ContractSession s, PricingApiFactory app)
    {
        const string Admin = Roles.PricingAdmin;
        // The example publishes the changes above the day after tomorrow: a scheduled version 2.
        await s.ExpectAsync(Admin, HttpMethod.Post, "/api/admin/fee-list/versions", 201, s.Example("POST", "/api/admin/fee-list/versions"));
        await s.ExpectAsync(Admin, HttpMethod.Post, "/api/admin/fee-list/versions", 422, new { effectiveFrom = app.Clock.Now.AddDays(3) }); // nothing changed
        await s.ExpectAsync(Admin, HttpMethod.Post, "/api/admin/fee-list/versions", 422, new { effectiveFrom = app.Clock.Now.AddDays(-3) });
        await s.RefusedAsync(Admin, HttpMethod.Post, "/api/admin/fee-list/versions", 400, new { effectiveFrom = "next week" });
        await s.ExpectAsync(Admin, HttpMethod.Post, "/api/admin/fee-list/proposals/1/approval", 404);

        var withdrawal = s.Example("POST", "/api/admin/fee-list/versions/{version}/withdrawal");
        await s.ExpectAsync(Admin, HttpMethod.Post, "/api/admin/fee-list/versions/2/withdrawal", 200, withdrawal);
        await s.ExpectAsync(Admin, HttpMethod.Post, "/api/admin/fee-list/versions/2/withdrawal", 409, withdrawal);
        await s.ExpectAsync(Admin, HttpMethod.Post, "/api/admin/fee-list/versions/99/withdrawal", 404, withdrawal);
        await s.RefusedAsync(Admin, HttpMethod.Post, "/api/admin/fee-list/versions/2/withdrawal", 400, new { });
    }

    private static async Task QuotesAsync(ContractSession s, PricingApiFactory app)
    {
        const string Staff = Roles.Staff;
        var example = s.Example("POST", "/api/quotes");
        var first = await s.ExpectAsync(Staff, HttpMethod.Post, "/api/quotes", 201, example);
        var number = first is null ? "Q-2026-000001" : JsonNode.Parse(await first.Content.ReadAsStringAsync())!["number"]!.GetValue<string>();
        await s.ExpectAsync(Staff, HttpMethod.Post, "/api/quotes", 201, example, h => h.Add("Idempotency-Key", "contract-1"));
        var replay = await s.ExpectAsync(Staff, HttpMethod.Post, "/api/quotes", 201, example, h => h.Add("Idempotency-Key", "contract-1"));
        Assert.Equal("true", replay?.Headers.GetValues("Idempotent-Replayed").Single());
        await s.ExpectAsync(Staff, HttpMethod.Post, "/api/quotes", 422, QuoteRequests.Quote(("EXT-TANK-CLEAN-50", 1m)), h => h.Add("Idempotency-Key", "contract-1")); // the key, another body
        await s.ExpectAsync(Staff, HttpMethod.Post, "/api/quotes", 422, QuoteRequests.Quote(("EXT-NONE", 1m)));
        await s.RefusedAsync(Staff, HttpMethod.Post, "/api/quotes", 400, QuoteRequests.Quote(("EXT-TANK-CLEAN-20", 1m)).With("total", 1m));
        await s.ExpectAsync(Roles.Regulator, HttpMethod.Post, "/api/quotes", 403, example);

        await s.ExpectAsync(Staff, HttpMethod.Get, "/api/quotes", 200);
        await s.ExpectAsync(Staff, HttpMethod.Get, "/api/quotes?status=issued&page=1&pageSize=10", 200);
        await s.RefusedAsync(Staff, HttpMethod.Get, "/api/quotes?status=lost", 400);
        await s.ExpectAsync(Staff, HttpMethod.Get, $"/api/quotes/{number}", 200);
        await s.ExpectAsync(Staff, HttpMethod.Get, "/api/quotes/Q-2026-999999", 404);
        await s.ExpectAsync(Staff, HttpMethod.Get, $"/api/quotes/{number}/print", 200);
        await s.ExpectAsync(Staff, HttpMethod.Get, "/api/quotes/Q-2026-999999/print", 404);
        await s.ExpectAsync(Staff, HttpMethod.Get, $"/api/quotes/{number}/receipt", 409);

        var completion = s.Example("POST", "/api/quotes/{number}/completion");
        await s.ExpectAsync(Staff, HttpMethod.Post, $"/api/quotes/{number}/completion", 409, completion);
        await s.RefusedAsync(Staff, HttpMethod.Post, $"/api/quotes/{number}/acceptance", 400, headers: h => h.Add("Idempotency-Key", new string('k', 129)));
        await s.ExpectAsync(Staff, HttpMethod.Post, $"/api/quotes/{number}/acceptance", 200);
        await s.ExpectAsync(Staff, HttpMethod.Post, $"/api/quotes/{number}/acceptance", 409);
        await s.ExpectAsync(Staff, HttpMethod.Post, "/api/quotes/Q-2026-999999/acceptance", 404);
        await s.ExpectAsync(Staff, HttpMethod.Post, $"/api/quotes/{number}/completion", 422, new { lines = new[] { new { serviceCode = "EXT-TANK-CLEAN-20", quantity = 50m } } });
        await s.RefusedAsync(Staff, HttpMethod.Post, $"/api/quotes/{number}/completion", 400, new { lines = Array.Empty<object>() });
        await s.ExpectAsync(Staff, HttpMethod.Post, $"/api/quotes/{number}/completion", 200, completion);
        await s.ExpectAsync(Staff, HttpMethod.Post, $"/api/quotes/{number}/completion", 409, completion);
        await s.ExpectAsync(Staff, HttpMethod.Post, "/api/quotes/Q-2026-999999/completion", 404, completion);
        await s.ExpectAsync(Staff, HttpMethod.Get, $"/api/quotes/{number}/receipt", 200);
        await s.ExpectAsync(Staff, HttpMethod.Get, "/api/quotes/Q-2026-999999/receipt", 404);

        var other = await app.CreateClient(Staff).IssueAsync(("EXT-TEST-9", 1m));
        var otherNumber = other["number"]!.GetValue<string>();
        await s.ExpectAsync(Staff, HttpMethod.Post, $"/api/quotes/{otherNumber}/cancel", 200);
        await s.ExpectAsync(Staff, HttpMethod.Post, $"/api/quotes/{otherNumber}/cancel", 409);
        await s.ExpectAsync(Staff, HttpMethod.Post, "/api/quotes/Q-2026-999999/cancel", 404);
    }

    private static async Task RegulatorAsync(ContractSession s)
    {
        const string Regulator = Roles.Regulator;
        foreach (var path in new[]
                 {
                     "/api/regulator/fee-list", "/api/regulator/fee-list?at=2026-12-01", "/api/regulator/fee-list/versions", "/api/regulator/fee-list/versions/1",
                     "/api/regulator/fee-list/versions/1.csv", "/api/regulator/fee-list/versions/1.xlsx", "/api/regulator/fee-list/verification", "/api/regulator/compliance", "/api/regulator/compliance?version=1",
                     "/api/regulator/audit", "/api/regulator/audit?from=2026-01-01&to=2030-01-01T00:00:00&page=1&pageSize=20", "/api/regulator/charges",
                     "/api/regulator/charges?from=2026-01-01&to=2030-01-01", "/api/regulator/charges.csv", "/api/regulator/charges.xlsx", "/api/regulator/charges/compliance",
                 })
        {
            await s.ExpectAsync(Regulator, HttpMethod.Get, path, 200);
        }

        foreach (var path in new[] { "/api/regulator/fee-list/versions/99", "/api/regulator/fee-list/versions/99.csv", "/api/regulator/fee-list/versions/99.xlsx", "/api/regulator/compliance?version=99", "/api/regulator/fee-list?at=2000-01-01" })
        {
            await s.ExpectAsync(Regulator, HttpMethod.Get, path, 404);
        }

        await s.RefusedAsync(Regulator, HttpMethod.Get, "/api/regulator/compliance?version=abc", 400);
        foreach (var charges in new[] { "/api/regulator/charges", "/api/regulator/charges.csv", "/api/regulator/charges.xlsx", "/api/regulator/charges/compliance" })
        {
            await s.ExpectAsync(Regulator, HttpMethod.Get, charges + "?from=2030-01-01&to=2026-01-01", 400); // the range ends before it starts
        }

        await s.RefusedAsync(Regulator, HttpMethod.Get, "/api/regulator/fee-list?at=tomorrow", 400);
        await s.RefusedAsync(Regulator, HttpMethod.Get, "/api/regulator/fee-list/versions?publishedAfter=1.12.2026", 400);
        await s.RefusedAsync(Regulator, HttpMethod.Get, "/api/regulator/audit?from=yesterday", 400);
        await s.ExpectAsync(Roles.Staff, HttpMethod.Get, "/api/regulator/charges", 403);
    }

    /// <summary>
    /// Every operation that takes a body refuses one over the size limit with 413, before reading it, and a JSON one
    /// sent as another media type with 415. The oversize body is the example with a long extra field: valid for the
    /// document (which leaves objects open), so Prism forwards it, re-serialized, one byte over the limit.
    /// </summary>
    private static async Task BodiesAsync(ContractSession s)
    {
        var limit = (int)new RequestLimitOptions().MaxRequestBodyBytes;
        foreach (var (method, _, path, example, mediaType) in s.BodyOperations())
        {
            var role = path.StartsWith("/api/quotes", StringComparison.Ordinal) ? Roles.Staff
                : path.StartsWith("/api/admin", StringComparison.Ordinal) ? Roles.PricingAdmin
                : Anonymous;
            if (example is JsonObject json)
            {
                var padded = json.DeepClone();
                padded["padding"] = new string('x', limit);
                await s.ExpectAsync(role, method, path, 413, padded);
                await s.RefusedAsync(role, method, path, 415, content: new StringContent(json.ToJsonString(), Encoding.UTF8, "text/plain"));
            }
            else
            {
                // A binary body (the workbook import): Prism forwards ASCII bytes unchanged.
                var content = new ByteArrayContent(Enumerable.Repeat((byte)'P', limit + 1).ToArray());
                content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                await s.ExpectAsync(role, method, path, 413, content: content);
            }
        }
    }

    /// <summary>
    /// /readyz answers 503 while the database is not migrated: for one request the newest migration is taken out of
    /// EF's history table (what DatabaseReadyCheck compares with the migrations the build holds), then put back.
    /// </summary>
    private static async Task ReadinessAsync(ContractSession s, PricingApiFactory app)
    {
        var newest = await app.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).Last());
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {newest}"));
        try
        {
            await s.ExpectAsync(Anonymous, HttpMethod.Get, "/readyz", 503);
        }
        finally
        {
            var product = ProductInfo.GetVersion();
            await app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({newest}, {product})"));
        }

        await s.ExpectAsync(Anonymous, HttpMethod.Get, "/readyz", 200);
    }

    /// <summary>Every keyed operation refuses the wrong role and an unknown key; last, the throttles, since a throttled address stays so for a minute.</summary>
    private static async Task KeysAndThrottlesAsync(ContractSession s)
    {
        foreach (var (method, path, body, content) in s.SecuredOperations())
        {
            // Quotes are staff work; everything else belongs to pricing admins or the regulator, never to staff.
            var wrongRole = path.StartsWith("/api/quotes", StringComparison.Ordinal) ? Roles.Regulator : Roles.Staff;
            await s.ExpectAsync(wrongRole, method, path, 403, body, content: content?.Invoke());
            await s.ExpectAsync(UnknownKey, method, path, 401, body, content: content?.Invoke());
        }

        var assessment = s.Example("POST", "/api/connections/assessments");
        await s.ExpectEventuallyAsync(Anonymous, HttpMethod.Post, "/api/connections/assessments", 200, 429, assessment);

        await s.ExpectEventuallyAsync(UnknownKey, HttpMethod.Get, "/api/quotes", 401, 429, attempts: FailedKeyChecksPerMinute);
        foreach (var (method, path, body, content) in s.SecuredOperations())
        {
            await s.ExpectAsync(UnknownKey, method, path, 429, body, content: content?.Invoke());
        }
    }

    private static ByteArrayContent Xlsx(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return content;
    }
}
