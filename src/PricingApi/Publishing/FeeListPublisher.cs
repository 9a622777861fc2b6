using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PricingApi.Audit;
using PricingApi.Catalog;
using PricingApi.Data;
using PricingApi.FeeList;
using PricingApi.Pricing;
using PricingApi.Providers;
using PricingApi.ServiceArea;
using PricingApi.Utility;

namespace PricingApi.Publishing;

/// <summary>
/// Publishes the working catalog as a new immutable version, in one transaction: the version row and its
/// audit entry are written together or not at all. The version number and effective time are protected by
/// unique keys, so two publishers racing (even on two instances) cannot both win.
/// </summary>
public sealed class FeeListPublisher(
    PricingDbContext db, CostProfitCap cap, IOptions<UtilityOptions> utility, UtilityClock clock, AuditLog audit, FeeListStore store, WriteGate gate,
    IOptions<ServiceAreaOptions> serviceArea, IOptions<ProvidersOptions> providers)
{
    private const int Attempts = 3;

    public async Task<PublishOutcome> PublishAsync(Actor actor, DateTimeOffset? requestedEffectiveFrom, CancellationToken ct)
    {
        var now = TruncateToMillisecond(clock.Now);
        var effectiveFrom = requestedEffectiveFrom is { } requested ? UtilityClock.Local(TruncateToMillisecond(requested)) : now;
        if (effectiveFrom < now)
        {
            return new PublishOutcome.Refused(
                $"effectiveFrom {Show(effectiveFrom)} lies in the past. A version may take effect now or later, never earlier: back-dating would change the prices earlier quotes were made from.");
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var outcome = await TryPublishAsync(actor, effectiveFrom, now, ct);
            if (outcome is not null)
            {
                return outcome;
            }
        }

        return new PublishOutcome.Conflicted("Other versions were being published at the same moment; try again.");
    }

    /// <summary>One attempt; null when another writer took the version number first and the attempt should be retried.</summary>
    private async Task<PublishOutcome?> TryPublishAsync(Actor actor, DateTimeOffset effectiveFrom, DateTimeOffset now, CancellationToken ct)
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
        var document = FeeListSnapshot.Build(version, effectiveFrom, now, actor, cap, utility.Value, catalog,
            ServiceAreaEntry.From(serviceArea.Value), providers.Value);
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
        Operations.PricingMetrics.VersionsPublished.Add(1);
        return new PublishOutcome.Published(summary);
    }

    private string? RefusalFor(IReadOnlyCollection<CatalogItem> catalog)
    {
        if (catalog.Count == 0)
        {
            return "The working catalog is empty: there is nothing to publish.";
        }

        var breaches = catalog.OfType<ExtendedService>()
            .Select(e => (e.Code, Priced: e.Priced(cap)))
            .Where(e => !e.Priced.WithinCap)
            .Select(e => $"{e.Code} ({CatalogRules.CapBreach(e.Priced)})")
            .ToList();
        return breaches.Count == 0
            ? null
            : $"Publishing is refused while any extended service breaks the cost-profit cap. {breaches.Count} do: {string.Join("; ", breaches)}";
    }

    private static DateTimeOffset TruncateToMillisecond(DateTimeOffset t) =>
        new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, t.Offset);

    private static string Show(DateTimeOffset t) => UtilityTime.Format(t);
}
