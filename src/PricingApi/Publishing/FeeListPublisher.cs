using PricingApi.LegalBases;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PricingApi.Audit;
using PricingApi.Catalog;
using PricingApi.Data;
using PricingApi.FeeList;
using PricingApi.Pricing;
using PricingApi.Providers;
using PricingApi.Publishing.Signing;
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
    IOptions<ServiceAreaOptions> serviceArea, IOptions<ProvidersOptions> providers, IOptions<PublishingOptions> publishing, SigningKeys signing,
    LegalBases.LegalBasisRegister register)
{
    private const int Attempts = 3;

    /// <summary>
    /// The advisory lock every change to the chain of versions (publish, approve, withdraw) takes on PostgreSQL, so
    /// instances take turns: the bytes of "Prices".
    /// </summary>
    internal const long VersionChainLock = 0x507269636573;

    /// <summary>
    /// Publishes now, or approves <paramref name="proposal"/> when one is given: then the catalog must still have the
    /// content it was proposed with. <paramref name="sample"/> says whether the catalog is illustrative sample data (the
    /// version then says so, sample: true, wherever it is shown); when null, the version is marked as the latest version
    /// not withdrawn is, so editing a few of the seed's items does not present the rest of its prices as official.
    /// </summary>
    public async Task<PublishOutcome> PublishAsync(
        Actor actor, DateTimeOffset? requestedEffectiveFrom, CancellationToken ct, PublicationProposal? proposal = null, bool? sample = null)
    {
        var now = UtilityTime.ToMillisecond(clock.Now);
        var effectiveFrom = requestedEffectiveFrom is { } requested ? UtilityClock.Local(UtilityTime.ToMillisecond(requested)) : now;
        if (TimingRefusal(effectiveFrom, now) is { } refusal)
        {
            return new PublishOutcome.Refused(refusal);
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var outcome = await TryPublishAsync(actor, effectiveFrom, now, proposal, sample, ct);
            if (outcome is not null)
            {
                return outcome;
            }
        }

        return new PublishOutcome.Conflicted("Other versions were being published at the same moment; try again.");
    }

    /// <summary>One attempt; null when another writer took the version number first and the attempt should be retried.</summary>
    private async Task<PublishOutcome?> TryPublishAsync(
        Actor actor, DateTimeOffset effectiveFrom, DateTimeOffset now, PublicationProposal? proposal, bool? requestedSample, CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.LockForTransactionAsync(VersionChainLock, ct);
        // Numbers are never reused and the chain runs through every version; order and "nothing changed" are judged
        // against the versions that are not withdrawn, which are the only ones that can ever be in effect.
        var newest = await db.FeeListVersions.AsNoTracking().OrderByDescending(v => v.Version)
            .Select(v => new { v.Version, v.Digest }).FirstOrDefaultAsync(ct);
        var latest = await db.StandingVersions.AsNoTracking()
            .OrderByDescending(v => v.Version)
            .Select(v => new { v.Version, v.EffectiveFrom, v.BasicServiceCount, v.ExtendedServiceCount }).FirstOrDefaultAsync(ct);

        var version = (newest?.Version ?? 0) + 1;
        var sample = requestedSample ?? (latest is not null && (await store.GetAsync(latest.Version, ct))?.Public.Sample == true);
        var (document, refusal) = await SnapshotAsync(version, effectiveFrom, now, actor, newest?.Digest, sample, ct);
        if (refusal is not null)
        {
            return new PublishOutcome.Refused(refusal);
        }

        // Read again under the lock: it may have been approved or rejected since the approver's request read it.
        if (proposal is not null && await db.PublicationProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id, ct) is { IsOpen: false } decided)
        {
            return new PublishOutcome.Conflicted(PublishingMessages.ProposalDecided(decided));
        }

        var contentDigest = PublishedContent.Digest(document!);
        if (proposal is not null && contentDigest != proposal.CatalogDigest)
        {
            return new PublishOutcome.Conflicted(PublishingMessages.CatalogChangedSinceProposal(proposal.Id).ToString());
        }

        // Checked first, inside the write: of many identical publishes at once, one wins and the rest are told why.
        if (latest is not null && await SameContentAsync(document!, latest.Version, latest.BasicServiceCount, latest.ExtendedServiceCount, ct))
        {
            return new PublishOutcome.Refused(PublishingMessages.NothingChanged(latest.Version).ToString());
        }

        if (latest is not null && latest.EffectiveFrom >= effectiveFrom)
        {
            return new PublishOutcome.Refused(
                $"effectiveFrom {Show(effectiveFrom)} must be later than {Show(latest.EffectiveFrom)}, when version {latest.Version} takes effect: versions take effect in the order they are published.");
        }

        // One UTF-8 buffer for the digest, the signature, the row and the version this instance will serve; the document
        // is not needed after it (and, for a list of thousands of items, is worth letting go of before the write).
        var (json, digest) = FeeListSnapshot.Serialize(document!);
        FeeListVersion? row = new FeeListVersion
        {
            Version = version,
            EffectiveFrom = effectiveFrom,
            PublishedAt = now,
            PublishedBy = actor.Name,
            BasicServiceCount = document!.BasicServices.Count,
            ExtendedServiceCount = document.ExtendedServices.Count,
            Digest = digest,
            // The column is text: the one UTF-16 copy, which the database provider encodes back to these bytes.
            Document = Encoding.UTF8.GetString(json),
        };
        document = null;
        db.FeeListVersions.Add(row);
        var (key, keyId) = signing.Active();
        db.FeeListSignatures.Add(new FeeListSignature
        {
            Version = version,
            KeyId = keyId,
            Jws = DetachedJws.Sign(key, keyId, json),
            SignedAt = now,
        });
        if (proposal is not null)
        {
            proposal.ApprovedAt = now;
            proposal.ApprovedBy = actor.Name;
            proposal.Version = version;
            db.PublicationProposals.Update(proposal);
            audit.Record(actor, AuditActions.PublicationApproved, proposal.Id.ToString(CultureInfo.InvariantCulture), after: ProposalView.Of(proposal));
        }

        await CloseProposalsOfAsync(contentDigest, version, proposal?.Id, actor, now, ct);

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

        // The row's copy of the document is no longer needed here: let it go before the version is made ready to serve.
        db.ChangeTracker.Clear();
        row = null;
        store.Published(version, json, digest);
        Operations.PricingMetrics.VersionsPublished.Add(1);
        return new PublishOutcome.Published(summary);
    }

    /// <summary>
    /// Rejects the other open proposals of the content just published as <paramref name="version"/> (whatever their
    /// effectiveFrom): approving one would publish nothing, so it would stay open for good. Each records why, and is
    /// audited as rejected by the admin whose publish closed it, in the publishing transaction.
    /// </summary>
    private async Task CloseProposalsOfAsync(string contentDigest, int version, long? approved, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var same = await db.PublicationProposals
            .Where(PublicationProposal.Open).Where(p => p.CatalogDigest == contentDigest && p.Id != approved)
            .ToListAsync(ct);
        foreach (var other in same)
        {
            var before = ProposalView.Of(other);
            other.Reject(now, actor.Name, PublishingMessages.PublishedByVersion(version));
            audit.Record(actor, AuditActions.PublicationRejected, other.Id.ToString(CultureInfo.InvariantCulture), before: before, after: ProposalView.Of(other));
        }
    }

    /// <summary>
    /// The document the working catalog publishes as <paramref name="version"/>, or why it may not be published. The
    /// catalog's entities are let go of when this returns, before the document is serialised and written.
    /// </summary>
    internal async Task<(CostedFeeListDocument? Document, string? Refusal)> SnapshotAsync(
        int version, DateTimeOffset effectiveFrom, DateTimeOffset now, Actor actor, string? previousDigest, bool sample, CancellationToken ct)
    {
        var catalog = await db.CatalogItems.AsNoTracking().ToListAsync(ct);
        return RefusalFor(catalog) is { } refusal
            ? (null, refusal)
            : (Snapshot(version, effectiveFrom, now, actor, catalog, previousDigest, sample), null);
    }

    /// <summary>
    /// "Nothing changed": whether <paramref name="document"/> has the content of stored version <paramref name="version"/>,
    /// for the publish and for a proposal alike. The stored document is read and parsed only when its row's counts of
    /// services leave that possible.
    /// </summary>
    internal async Task<bool> SameContentAsync(CostedFeeListDocument document, int version, int basicServices, int extendedServices, CancellationToken ct) =>
        PublishedContent.CountsMatch(document, basicServices, extendedServices)
        && PublishedContent.Same(document, await db.FeeListVersions.AsNoTracking().Where(v => v.Version == version).Select(v => v.Document).SingleAsync(ct));

    /// <summary>Why a version may not take effect at <paramref name="effectiveFrom"/> (past, or too far ahead); null if it may.</summary>
    internal string? TimingRefusal(DateTimeOffset effectiveFrom, DateTimeOffset now)
    {
        if (effectiveFrom < now)
        {
            return $"effectiveFrom {Show(effectiveFrom)} lies in the past. A version may take effect now or later, never earlier: back-dating would change the prices earlier quotes were made from.";
        }

        var latestAllowed = now.AddDays(publishing.Value.MaxScheduleDays);
        return effectiveFrom > latestAllowed
            ? PublishingMessages.TooFarAhead(Show(effectiveFrom), publishing.Value.MaxScheduleDays, Show(latestAllowed)).ToString()
            : null;
    }

    /// <summary>
    /// The document the working catalog would publish under the rules and settings in force: one builder for the
    /// publish itself and for a proposal's fingerprint, so an approval compares like with like.
    /// </summary>
    internal CostedFeeListDocument Snapshot(
        int version, DateTimeOffset effectiveFrom, DateTimeOffset now, Actor actor, IReadOnlyCollection<CatalogItem> catalog, string? previousDigest,
        bool sample = false) =>
        FeeListSnapshot.Build(version, effectiveFrom, now, actor, cap, utility.Value, catalog, previousDigest,
            ServiceAreaEntry.From(serviceArea.Value), providers.Value, register, sample);

    internal string? RefusalFor(IReadOnlyCollection<CatalogItem> catalog)
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
        if (breaches.Count > 0)
        {
            return $"Publishing is refused while any extended service breaks the cost-profit cap. {breaches.Count} do: {string.Join("; ", breaches)}";
        }

        // 明码标价: every price must be told apart by the customer reading the list. Two services of one name and unit
        // (as a reader compares names: ServiceNames) at two prices leave the customer unable to tell which applies.
        var alike = catalog.OfType<ExtendedService>()
            .GroupBy(e => (Name: ServiceNames.Normalise(e.Name), Unit: ServiceNames.Normalise(e.Unit)))
            .Where(g => g.Count() > 1)
            .Select(g => $"{string.Join(", ", g.Select(e => e.Code).Order(StringComparer.Ordinal))} ({g.First().Name.Trim()}, {g.First().Unit.Trim()})")
            .ToList();
        return alike.Count == 0 ? null : PublishingMessages.SameNameAndUnit(string.Join("; ", alike));
    }

    private static string Show(DateTimeOffset t) => UtilityTime.Format(t);
}
