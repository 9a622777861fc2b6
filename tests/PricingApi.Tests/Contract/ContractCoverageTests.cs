using System.Text.Json.Nodes;

namespace PricingApi.Tests.Contract;

/// <summary>The coverage check the Prism session ends with, on a small document: it must be able to fail.</summary>
public sealed class ContractCoverageTests
{
    private static readonly JsonNode Document = JsonNode.Parse("""
        {"paths": {
          "/api/fee-list": {"get": {"responses": {"200": {}, "304": {}, "default": {}}}},
          "/api/quotes": {"post": {"responses": {"201": {}, "409": {}}}}
        }}
        """)!;

    [Fact]
    public void EveryDeclaredStatusNeverMetIsNamedAndADefaultAnswerIsNotAStatus()
    {
        var coverage = new ContractCoverage(Document, new Dictionary<string, string>());
        coverage.Met("GET /api/fee-list", 200);
        coverage.Met("POST /api/quotes", 201);

        Assert.Collection(coverage.Problems(),
            p => Assert.StartsWith("GET /api/fee-list declares 304, which the session never provoked through Prism", p, StringComparison.Ordinal),
            p => Assert.StartsWith("POST /api/quotes declares 409, which the session never provoked through Prism", p, StringComparison.Ordinal));
        Assert.Contains("GET /api/fee-list: met 200; declared, not met: 304", coverage.Summary());
    }

    [Fact]
    public void AStatusOnTheListMayGoUnmetButTheListCannotGoStale()
    {
        var allowed = new Dictionary<string, string>
        {
            ["POST /api/quotes 409"] = "a race",
            ["GET /api/fee-list 304"] = "met after all",
            ["GET /api/fee-list 500"] = "not declared",
        };
        var coverage = new ContractCoverage(Document, allowed);
        coverage.Met("GET /api/fee-list", 200);
        coverage.Met("GET /api/fee-list", 304);
        coverage.Met("POST /api/quotes", 201);

        var problems = coverage.Problems();

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("GET /api/fee-list 304 is on the NotProvokable list but the session met it", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("GET /api/fee-list 500 is on the NotProvokable list but no longer declared", StringComparison.Ordinal));
    }
}
