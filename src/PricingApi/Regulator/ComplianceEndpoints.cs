using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Caching;

namespace PricingApi.Regulator;

public static class ComplianceEndpoints
{
    public static RouteGroupBuilder MapCompliance(this RouteGroupBuilder group)
    {
        group.MapGet("/compliance", ReportAsync).WithName("GetComplianceReport")
            .WithSummary("Whether each extended service of a version (?version=, default the one in effect now) is within the cost-profit cap, and the list-wide verdict.")
            .WithDescription("Cost, margin and verdict are recomputed from the version's itemised costs with exact decimals, against the cap in force for that version. status says what the version is now (in-effect, scheduled, superseded, or withdrawn with withdrawnAt and withdrawalReason: never in effect), and sample: true marks illustrative sample data. Strong ETag; If-None-Match answers 304.")
            .Produces<ComplianceReport>().Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<CachedContent, ProblemHttpResult>> ReportAsync(
        int? version, FeeListStore store, UtilityClock clock, CancellationToken ct)
    {
        var number = version ?? (await store.InEffectAsync(clock.Now, ct))?.Version;
        if (number is null)
        {
            return Problems.NotFound($"No fee list is in effect at {UtilityTime.Format(clock.Now)}; name a published version with ?version=.");
        }

        if (await store.GetAsync(number.Value, ct) is not { } published)
        {
            return Problems.NotFound($"No fee-list version {number} has been published.");
        }

        // Its status is read as the versions list reads it: a withdrawn version's report must not read as a list in force.
        // (A version another instance has just published may not be in this instance's list yet: read it again.)
        var listed = await ListedAsync(store, number.Value, clock.Now, ct);
        if (listed is null)
        {
            store.Invalidate();
            listed = await ListedAsync(store, number.Value, clock.Now, ct)
                     ?? throw new InvalidOperationException($"Fee-list version {number} is stored but not listed.");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(ComplianceReport.For(published.ReadCosted(), published.Digest, listed), PricingJson.Options);
        return new CachedContent(body, PublishedVersion.StrongETag(body), RegulatorEndpoints.Revalidate);
    }

    private static async Task<VersionSummary?> ListedAsync(FeeListStore store, int version, DateTimeOffset now, CancellationToken ct) =>
        VersionTimeline.Labelled(await store.VersionsAsync(ct), now).FirstOrDefault(v => v.Version == version);
}
