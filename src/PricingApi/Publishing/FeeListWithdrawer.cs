using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PricingApi.Audit;
using PricingApi.Data;
using PricingApi.FeeList;
using PricingApi.Utility;

namespace PricingApi.Publishing;

/// <summary>
/// Withdraws a scheduled version before it takes effect. The version keeps its number and bytes; the withdrawal is a
/// row of its own, written with its audit entry in one transaction. Once a version's time has come it stays: a
/// correction is a new version.
/// </summary>
public sealed class FeeListWithdrawer(PricingDbContext db, UtilityClock clock, AuditLog audit, FeeListStore store, WriteGate gate)
{
    public async Task<PublishOutcome> WithdrawAsync(int version, string reason, Actor actor, CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockForTransactionAsync(FeeListPublisher.VersionChainLock, ct);
        var now = UtilityTime.ToMillisecond(clock.Now);
        var row = await db.FeeListVersions.AsNoTracking().Where(v => v.Version == version)
            .Select(v => new { v.Version, v.EffectiveFrom, v.PublishedAt, v.BasicServiceCount, v.ExtendedServiceCount, v.Digest })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return new PublishOutcome.Unknown(PublishingMessages.UnknownVersion(version).ToString());
        }

        if (await db.FeeListWithdrawals.AnyAsync(w => w.Version == version, ct))
        {
            return new PublishOutcome.Conflicted(PublishingMessages.AlreadyWithdrawn(version).ToString());
        }

        if (row.EffectiveFrom <= now)
        {
            return new PublishOutcome.Conflicted(PublishingMessages.AlreadyInEffect(version, UtilityTime.Format(UtilityClock.Local(row.EffectiveFrom))).ToString());
        }

        var withdrawal = new FeeListWithdrawal { Version = version, WithdrawnAt = now, WithdrawnBy = actor.Name, Reason = reason.Trim() };
        db.FeeListWithdrawals.Add(withdrawal);
        var summary = new VersionSummary
        {
            Version = version,
            EffectiveFrom = UtilityClock.Local(row.EffectiveFrom),
            PublishedAt = UtilityClock.Local(row.PublishedAt),
            BasicServiceCount = row.BasicServiceCount,
            ExtendedServiceCount = row.ExtendedServiceCount,
            Digest = row.Digest,
            Status = VersionStatus.Withdrawn,
            WithdrawnAt = now,
            WithdrawalReason = withdrawal.Reason,
        };
        audit.Record(actor, AuditActions.VersionWithdrawn, version.ToString(CultureInfo.InvariantCulture), after: summary);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (DbContextExtensions.IsConflict(e))
        {
            return new PublishOutcome.Conflicted(PublishingMessages.AlreadyWithdrawn(version).ToString());
        }

        store.Invalidate();
        return new PublishOutcome.Withdrawn(summary);
    }
}
