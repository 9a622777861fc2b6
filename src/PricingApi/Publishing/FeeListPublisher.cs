using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PricingApi.Audit;
using PricingApi.Catalog;
using PricingApi.Data;
using PricingApi.FeeList;
using PricingApi.Pricing;
using PricingApi.Utility;

namespace PricingApi.Publishing;

/// <summary>
/// Publishes the working catalog as a new immutable version, in one transaction: the version row and its
/// audit entry are written together or not at all. The version number and effective time are protected by
/// unique keys, so two publishers racing (even on two instances) cannot both win.
/// </summary>
public sealed class FeeListPublisher(
    PricingDbContext db, CostProfitCap cap, IOptions<UtilityOptions> utility, UtilityClock clock, AuditLog audit, FeeListStore store, WriteGate gate,
    LegalBases.LegalBasisRegister register)
{
    private const int Attempts = 3;

    /// <summary>With <paramref name="sample"/>, the catalog is the sample seed: the version says so (sample: true) wherever it is shown.</summary>
    public async Task<PublishOutcome> PublishAsync(Actor actor, DateTimeOffset? requestedEffectiveFrom, CancellationToken ct, bool sample = false)
    {
        var now = UtilityTime.ToMillisecond(clock.Now);
        var effectiveFrom = requestedEffectiveFrom is { } requested ? UtilityClock.Local(UtilityTime.ToMillisecond(requested)) : now;
        if (effectiveFrom < now)
        {
            return new PublishOutcome.Refused(
                $"effectiveFrom {Show(effectiveFrom)} lies in the past. A version may take effect now or later, never earlier: back-dating would change the prices earlier quotes were made from.");
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var outcome = await TryPublishAsync(actor, effectiveFrom, now, sample, ct);
            if (outcome is not null)
            {
                return outcome;
            }
        }

        return new PublishOutcome.Conflicted("Other versions were being published at the same moment; try again.");
    }

    /// <summary>One attempt; null when another writer took the version number first and the attempt should be retried.</summary>
    private async Task<PublishOutcome?> TryPublishAsync(Actor actor, DateTimeOffset effectiveFrom, DateTimeOffset now, bool sample, CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var latest = await db.FeeListVersions.AsNoTracking().OrderByDescending(v => v.Version)
            .Select(v => new { v.Version, v.EffectiveFrom }).FirstOrDefaultAsync(ct);
        if (latest is not null && latest.EffectiveFrom >= effectiveFrom)
        {
            return new PublishOutcome.Refused(
                $"effectiveFrom {Show(effectiveFrom)} must be later than {Show(latest.EffectiveFrom)}, when version {latest.Version} takes effect: versions take effect in the order they are published.");
        }

        var catalog = await db.CatalogItems.AsNoTracking().ToListAsync(ct);
        if (RefusalFor(catalog) is { } refusal)
        {
            return new PublishOutcome.Refused(refusal);
        }

        var version = (latest?.Version ?? 0) + 1;
        var document = FeeListSnapshot.Build(version, effectiveFrom, now, actor, cap, utility.Value, catalog, register, sample);
        var (json, digest) = FeeListSnapshot.Serialize(document);
        var row = new FeeListVersion
        {
            Version = version,
            EffectiveFrom = effectiveFrom,
            PublishedAt = now,
            PublishedBy = actor.Name,
            BasicServiceCount = document.BasicServices.Count,
            ExtendedServiceCount = document.ExtendedServices.Count,
            Digest = digest,
            Document = json,
        };
        db.FeeListVersions.Add(row);
        var summary = new VersionSummary
        {
            Version = version,
            EffectiveFrom = effectiveFrom,
            PublishedAt = now,
            BasicServiceCount = row.BasicServiceCount,
            ExtendedServiceCount = row.ExtendedServiceCount,
            Digest = digest,
            Status = effectiveFrom <= now ? VersionStatus.InEffect : VersionStatus.Scheduled,
        };
        audit.Record(actor, AuditActions.VersionPublished, version.ToString(CultureInfo.InvariantCulture), after: summary);

        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbContextExtensions.IsConflict(e))
        {
            db.ChangeTracker.Clear();
            return null;
        }

        store.Invalidate();
        return new PublishOutcome.Published(summary);
    }

    private string? RefusalFor(IReadOnlyCollection<CatalogItem> catalog)
    {
        if (catalog.Count == 0)
        {
            return "The working catalog is empty: there is nothing to publish.";
        }

        var breaches = catalog.OfType<ExtendedService>()
            .Where(e => !cap.Allows(e.CostBasis.Total, e.PriceExcludingTax))
            .Select(e => $"{e.Code} ({CatalogRules.CapBreach(cap, e.CostBasis.Total, e.PriceExcludingTax)})")
            .ToList();
        return breaches.Count == 0
            ? null
            : $"Publishing is refused while any extended service breaks the cost-profit cap. {breaches.Count} do: {string.Join("; ", breaches)}";
    }

    private static string Show(DateTimeOffset t) => UtilityTime.Format(t);
}
