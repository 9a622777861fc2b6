using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PricingApi.Audit;
using PricingApi.Data;
using PricingApi.Utility;
using PricingApi.Catalog;
using PricingApi.FeeList;

namespace PricingApi.Publishing;

/// <summary>
/// Four-eyes publishing (Publishing:RequireApproval): one pricing admin proposes, another approves, and only the
/// approval publishes. A proposal remembers the content it was made from, so nobody approves a catalog edited since.
/// </summary>
public sealed class PublicationProposer(
    PricingDbContext db, FeeListPublisher publisher, FeeListStore store, UtilityClock clock, AuditLog audit, WriteGate gate)
{
    public async Task<PublishOutcome> ProposeAsync(Actor actor, string keyId, DateTimeOffset? requestedEffectiveFrom, CancellationToken ct)
    {
        var now = UtilityTime.ToMillisecond(clock.Now);
        var effectiveFrom = requestedEffectiveFrom is { } requested ? UtilityClock.Local(UtilityTime.ToMillisecond(requested)) : (DateTimeOffset?)null;
        if (publisher.TimingRefusal(effectiveFrom ?? now, now) is { } timing)
        {
            return new PublishOutcome.Refused(timing);
        }

        var (document, refusal) = await publisher.SnapshotAsync(0, effectiveFrom ?? now, now, actor, previousDigest: null, sample: false, ct);
        if (document is null)
        {
            return new PublishOutcome.Refused(refusal!);
        }

        var latest = await db.StandingVersions.AsNoTracking()
            .OrderByDescending(v => v.Version)
            .Select(v => new { v.Version, v.BasicServiceCount, v.ExtendedServiceCount }).FirstOrDefaultAsync(ct);
        if (latest is not null && await publisher.SameContentAsync(document, latest.Version, latest.BasicServiceCount, latest.ExtendedServiceCount, ct))
        {
            return new PublishOutcome.Refused(PublishingMessages.NothingChanged(latest.Version).ToString());
        }

        var proposal = new PublicationProposal
        {
            ProposedAt = now,
            ProposedBy = actor.Name,
            ProposerKeyId = keyId,
            EffectiveFrom = effectiveFrom,
            CatalogDigest = PublishedContent.Digest(document),
        };
        using var writer = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The same catalog proposed twice left the second open for good once the first was approved ("nothing changed"
        // to approve, and no way to close it). Checked in the write gate, so of two at once only one is made.
        if (await db.PublicationProposals.AsNoTracking().Where(PublicationProposal.Open)
                .Where(p => p.CatalogDigest == proposal.CatalogDigest && p.EffectiveFrom == proposal.EffectiveFrom)
                .Select(p => (long?)p.Id).FirstOrDefaultAsync(ct) is { } open)
        {
            return new PublishOutcome.Conflicted(PublishingMessages.AlreadyProposed(open));
        }

        db.PublicationProposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        // The id exists only once saved; the audit entry names it, in the same transaction.
        audit.Record(actor, AuditActions.PublicationProposed, proposal.Id.ToString(CultureInfo.InvariantCulture), after: ProposalView.Of(proposal));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new PublishOutcome.Proposed(ProposalView.Of(proposal));
    }

    /// <summary>
    /// One proposal as an approver reviews it; null when there is none. For an open one: whether the working catalog
    /// changed since (judged as the approval judges it, by the same builder and digest), and if not, what approving it
    /// would publish against the latest version not withdrawn.
    /// </summary>
    public async Task<ProposalView?> ReviewAsync(long id, Actor actor, CancellationToken ct)
    {
        var proposal = await db.PublicationProposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null || !proposal.IsOpen)
        {
            return proposal is null ? null : ProposalView.Of(proposal);
        }

        // Numbered as it would be if approved now; the number is given only by the approval.
        var versions = await store.VersionsAsync(ct);
        var next = versions.Count == 0 ? 1 : versions[0].Version + 1;
        var now = clock.Now;
        var catalog = await db.CatalogItems.AsNoTracking().ToListAsync(ct);
        var document = publisher.Snapshot(next, proposal.EffectiveFrom ?? now, now, actor, catalog, previousDigest: null);
        if (PublishedContent.Digest(document) != proposal.CatalogDigest)
        {
            return ProposalView.Of(proposal) with { CatalogChangedSince = true };
        }

        var latest = VersionTimeline.LatestStanding(versions);
        var previous = latest is null ? null : await store.GetAsync(latest.Version, ct);
        return ProposalView.Of(proposal) with { CatalogChangedSince = false, Changes = VersionChanges.Between(previous?.Public, document.ToPublic()) };
    }

    public async Task<PublishOutcome> ApproveAsync(long id, Actor actor, string keyId, CancellationToken ct)
    {
        var proposal = await db.PublicationProposals.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null)
        {
            return new PublishOutcome.Unknown(PublishingMessages.UnknownProposal(id).ToString());
        }

        if (proposal.ProposerKeyId == keyId)
        {
            return new PublishOutcome.Forbidden(PublishingMessages.SelfApproval.ToString());
        }

        if (!proposal.IsOpen)
        {
            return new PublishOutcome.Conflicted(PublishingMessages.ProposalDecided(proposal));
        }

        return await publisher.PublishAsync(actor, proposal.EffectiveFrom, ct, proposal);
    }

    /// <summary>
    /// Closes an open proposal without publishing it, with a reason: the proposer withdrawing their own, or another
    /// pricing admin rejecting it (one that can no longer be approved, say, because its effectiveFrom has passed or the
    /// catalog was edited since). Decided under the lock approvals take, so a proposal is never both approved and rejected.
    /// </summary>
    public async Task<PublishOutcome> RejectAsync(long id, string reason, Actor actor, CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockForTransactionAsync(FeeListPublisher.VersionChainLock, ct);
        var proposal = await db.PublicationProposals.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null)
        {
            return new PublishOutcome.Unknown(PublishingMessages.UnknownProposal(id));
        }

        if (!proposal.IsOpen)
        {
            return new PublishOutcome.Conflicted(PublishingMessages.ProposalDecided(proposal));
        }

        var before = ProposalView.Of(proposal);
        proposal.Reject(UtilityTime.ToMillisecond(clock.Now), actor.Name, reason.Trim());
        var after = ProposalView.Of(proposal);
        audit.Record(actor, AuditActions.PublicationRejected, id.ToString(CultureInfo.InvariantCulture), before: before, after: after);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new PublishOutcome.Rejected(after);
    }
}
