using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using PricingApi.ApiKeys;
using PricingApi.Http;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;
using PricingApi.Tests.Robustness.Fuzz;
using Xunit.Abstractions;

namespace PricingApi.Tests.Robustness;

/// <summary>
/// Generated input from the service's own OpenAPI document: every operation gets requests from every kind of caller,
/// well-formed and mutated, and every answer must be a status the document declares for that operation, never a
/// 5xx, and every 4xx a problem+json. The run is short by default; set PRICINGAPI_FUZZ_REQUESTS for a long one
/// (the total number of requests, spread evenly over the operations).
/// </summary>
[Trait(TestCategories.Category, TestCategories.Slow), Trait(TestCategories.Kind, TestCategories.Fuzz)]
public class OpenApiFuzzTests(ITestOutputHelper output)
{
    public const string RequestsVariable = "PRICINGAPI_FUZZ_REQUESTS";
    private const int DefaultPerOperation = 300;

    [Fact]
    public async Task EveryGeneratedRequestGetsADeclaredStatusNeverA5xxAndEveryErrorIsProblemJson()
    {
        // Limits high enough that generated traffic exercises the routes rather than the rate limiter (tested in AbuseTests).
        await using var app = new PricingApiFactory(output: output, settings: new Dictionary<string, string?>
        {
            ["RateLimits:AnonymousPostsPerMinute"] = "100000000",
            ["RateLimits:FailedKeyChecksPerMinute"] = "100000000",
        });
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = app.CreateAnonymousClient(),
            ["staff"] = app.CreateClient(Roles.Staff),
            ["pricing-admin"] = app.CreateClient(Roles.PricingAdmin),
            ["regulator"] = app.CreateClient(Roles.Regulator),
            ["unknown-key"] = app.CreateAnonymousClient(),
        };
        clients["unknown-key"].DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, "pk.0123456789abcdef.notakeynotakeynotakeynotakey");
        var document = new ApiDocument(await (await clients["anonymous"].GetAsync("/openapi/v1.json")).JsonBodyAsync());
        await PrepareAsync(app, clients["staff"], clients["pricing-admin"]);

        // Deletions last, so the other operations meet the seeded items first.
        var operations = document.Operations.OrderBy(o => o.Method == "DELETE").ToList();
        var perOperation = PerOperation(operations.Count);
        var generator = new RequestGen(document, Examples());
        var statuses = new ConcurrentDictionary<(string Operation, int Status), int>();
        var sent = 0;
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var operation in operations)
        {
            try
            {
                await generator.For(operation).SampleAsync(async request =>
                {
                    using var response = await clients[request.Role].SendAsync(request.ToMessage());
                    Interlocked.Increment(ref sent);
                    statuses.AddOrUpdate((operation.ToString(), (int)response.StatusCode), 1, (_, n) => n + 1);
                    await CheckAsync(operation, response);
                }, iter: perOperation, threads: 2, print: r => r?.ToString() ?? "(none)");
            }
            catch (Exception e)
            {
                failures.Add($"{operation} ({operation.Name}): {e}");
            }
        }

        output.WriteLine($"Sent {sent:N0} generated requests to {operations.Count} operations ({perOperation:N0} each, as {RequestGen.Roles.Length} kinds of caller) in {clock.Elapsed.TotalSeconds:0} s.");
        output.WriteLine("Statuses: " + Histogram(statuses.GroupBy(s => s.Key.Status, s => s.Value)));
        foreach (var byOperation in statuses.GroupBy(s => s.Key.Operation, s => (s.Key.Status, s.Value)))
        {
            output.WriteLine($"  {byOperation.Key}: " + Histogram(byOperation.GroupBy(s => s.Status, s => s.Value)));
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>What every answer must be: declared for the operation, no server error, every 4xx a problem+json without a stack trace.</summary>
    private static async Task CheckAsync(ApiOperation operation, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        string? broken = null;
        if (status >= 500)
        {
            broken = $"a server error, {status}";
        }
        else if (!operation.Statuses.Contains(status))
        {
            broken = $"{status}, which the document does not declare for {operation} (it declares {string.Join(", ", operation.Statuses.Order())})";
        }
        else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            broken = $"a {status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}, not application/problem+json";
        }
        else if (status >= 400 && JsonNode.Parse(text)?["status"]?.GetValue<int>() != status)
        {
            broken = $"a {status} whose problem names another status";
        }
        else if (text.Contains("   at ", StringComparison.Ordinal))
        {
            broken = "a stack trace in the body";
        }

        if (broken is not null)
        {
            throw new InvalidOperationException($"The answer was {broken}: {FuzzRequest.Shorten(text)}");
        }
    }

    private static string Histogram(IEnumerable<IGrouping<int, int>> counts) =>
        string.Join(", ", counts.OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Sum():N0}"));

    private static int PerOperation(int operations) =>
        int.TryParse(Environment.GetEnvironmentVariable(RequestsVariable), out var total) && total > 0
            ? Math.Max(1, total / operations)
            : DefaultPerOperation;

    /// <summary>Quotes 1 to 4 (the 4th cancelled) and a second version, scheduled for tomorrow, for the routes that read them.</summary>
    private static async Task PrepareAsync(PricingApiFactory app, HttpClient staff, HttpClient admin)
    {
        for (var i = 0; i < 4; i++)
        {
            await staff.IssueAsync(("EXT-TANK-CLEAN-20", 1m), ("EXT-PIPE-FLUSH-DN50", 1.5m));
        }

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync("/api/quotes/Q-2026-000004/cancel", null)).StatusCode);
        // A change to publish: an unchanged catalog is "nothing changed".
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-FUZZ"))).StatusCode);
        var tomorrow = new { effectiveFrom = app.Clock.Now.AddDays(1) };
        Assert.Equal(HttpStatusCode.Created, (await admin.PostJsonAsync("/api/admin/fee-list/versions", tomorrow)).StatusCode);
    }

    /// <summary>Known-good bodies by operation: mutating one field of these reaches the business rules, not only the validators.</summary>
    private static Dictionary<string, JsonNode[]> Examples()
    {
        static JsonNode Node(object body) => JsonSerializer.SerializeToNode(body, PricingJson.Options)!;
        JsonNode[] services =
        [
            Node(Requests.Extended("FUZZ-EXT")), Node(Requests.Extended("EXT-TEST-9", cost: 820m, priceExcludingTax: 902m)),
            Node(Requests.Basic("FUZZ-BASIC")), Node(Requests.Basic("BAS-APPLY", paidBy: "government")),
        ];
        return new Dictionary<string, JsonNode[]>
        {
            ["CreateCatalogService"] = services,
            ["UpdateCatalogService"] = services,
            ["CreateQuote"] = [Node(QuoteRequests.Quote(("EXT-TANK-CLEAN-20", 2m))), Node(QuoteRequests.Quote(("EXT-TEST-9", 1m), ("EXT-PIPE-FLUSH-DN50", 2.5m)))],
            ["AssessConnection"] =
            [
                Node(new { meterDiameterMm = 25, externalPipeLengthM = 50, customerType = "residential" }),
                Node(new { meterDiameterMm = 50, externalPipeLengthM = 200.5m, customerType = "non-residential", development = "commercial-housing",
                    project = new { connectionKind = "new", hasExternalPipeWorks = true, projectDataOnGovernmentPlatform = false, buildingType = "standard-factory",
                        totalFloorAreaM2 = 9000m, buildingHeightM = 20m, involvesHazardousGoods = false } }),
            ],
            ["PublishFeeList"] = [Node(new { }), Node(new { effectiveFrom = TestClock.DefaultStart.AddDays(2) })],
            ["WithdrawFeeListVersion"] = [Node(new { reason = "价格录入错误 Price typed wrong" })],
        };
    }
}
