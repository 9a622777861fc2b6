using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PricingApi.Data;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Caching;

namespace PricingApi.FeeList;

/// <summary>
/// Reads published versions for every route that serves them. The list of versions is small and cached for
/// <see cref="FeeListOptions.RefreshSeconds"/>; each version's document is immutable and cached once loaded: the
/// version in effect and the scheduled ones always (they are what the public list serves), older ones within the
/// byte budget <see cref="CacheOptions.VersionBytes"/>, least recently used evicted first.
/// </summary>
public sealed class FeeListStore(IServiceScopeFactory scopes, TimeProvider time, IOptions<FeeListOptions> options, IOptions<CacheOptions> caches) : IDisposable
{
    private readonly ByteBudgetCache<int, PublishedVersion> _versions = new("versions", caches.Value.VersionBytes, EstimatedBytes);
    private readonly ConcurrentDictionary<int, PublishedVersion> _pinned = new();
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Timeline? _timeline;

    private sealed record Timeline(IReadOnlyList<VersionSummary> NewestFirst, long LoadedAt);

    /// <summary>Every published version, newest first, scheduled ones included.</summary>
    public async ValueTask<IReadOnlyList<VersionSummary>> VersionsAsync(CancellationToken ct)
    {
        if (FreshVersions() is { } fresh)
        {
            return fresh;
        }

        await _refresh.WaitAsync(ct);
        try
        {
            if (FreshVersions() is { } refreshed)
            {
                return refreshed;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
            var rows = await db.FeeListVersions.AsNoTracking()
                .OrderByDescending(v => v.Version)
                .Select(v => new VersionSummary
                {
                    Version = v.Version,
                    EffectiveFrom = v.EffectiveFrom,
                    PublishedAt = v.PublishedAt,
                    ExtendedServiceCount = v.ExtendedServiceCount,
                    BasicServiceCount = v.BasicServiceCount,
                    Digest = v.Digest,
                })
                .ToListAsync(ct);
            var withdrawals = await db.FeeListWithdrawals.AsNoTracking().ToDictionaryAsync(w => w.Version, ct);
            var listed = withdrawals.Count == 0
                ? rows
                : rows.Select(v => withdrawals.TryGetValue(v.Version, out var w)
                    ? v with { WithdrawnAt = UtilityClock.Local(w.WithdrawnAt), WithdrawalReason = w.Reason }
                    : v).ToList();
            _timeline = new Timeline(listed, time.GetTimestamp());
            Unpin(listed);
            return listed;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The versions as last read while they are still fresh, else null. Never waits for the database.</summary>
    public IReadOnlyList<VersionSummary>? FreshVersions()
    {
        var timeline = _timeline;
        return timeline is not null && time.GetElapsedTime(timeline.LoadedAt).TotalSeconds < options.Value.RefreshSeconds
            ? timeline.NewestFirst
            : null;
    }

    /// <summary>The entry of <paramref name="version"/> in the list of versions (whether it was withdrawn, and why), or null.</summary>
    public async ValueTask<VersionSummary?> SummaryAsync(int version, CancellationToken ct) =>
        (await VersionsAsync(ct)).FirstOrDefault(v => v.Version == version);

    /// <summary>The version in effect at <paramref name="at"/>: the latest whose effective time has come.</summary>
    public async ValueTask<VersionSummary?> InEffectAsync(DateTimeOffset at, CancellationToken ct) =>
        VersionTimeline.InEffect(await VersionsAsync(ct), at);

    public async ValueTask<PublishedVersion?> GetAsync(int version, CancellationToken ct)
    {
        if (_pinned.TryGetValue(version, out var pinned))
        {
            return pinned;
        }

        // Not published (yet) gives null, which is not remembered: another instance may publish it.
        var loaded = await _versions.GetOrLoadAsync(version, LoadAsync, ct);
        if (loaded is not null && IsInEffectOrScheduled(version, _timeline?.NewestFirst ?? await VersionsAsync(ct)))
        {
            _pinned[version] = loaded;
        }

        return loaded;
    }

    /// <summary>A version already loaded into memory, else null. Never waits for the database.</summary>
    public PublishedVersion? Loaded(int version) =>
        _pinned.TryGetValue(version, out var pinned) ? pinned : _versions.Find(version);

    /// <summary>Versions from the one in effect on are kept outside the budget.</summary>
    private bool IsInEffectOrScheduled(int version, IReadOnlyList<VersionSummary> versions) =>
        version >= (VersionTimeline.InEffect(versions, time.GetUtcNow())?.Version ?? 0);

    /// <summary>A version superseded since it was pinned goes back under the budget (it stays in the budgeted cache while it fits).</summary>
    private void Unpin(IReadOnlyList<VersionSummary> versions)
    {
        var inEffect = VersionTimeline.InEffect(versions, time.GetUtcNow())?.Version ?? 0;
        foreach (var version in _pinned.Keys)
        {
            if (version < inEffect)
            {
                _pinned.TryRemove(version, out _);
            }
        }
    }

    /// <summary>
    /// What a loaded version holds: its stored bytes, its public JSON with the compressed forms, and the public document,
    /// estimated at the stored bytes (UTF-16 strings and object headers against compact UTF-8 JSON, less the costs it leaves out).
    /// </summary>
    internal static long EstimatedBytes(PublishedVersion version) => 2L * version.CostedJson.Length + version.PublicContent.Bytes;

    public void Dispose() => _versions.Dispose();

    /// <summary>Forget the list of versions, after this instance published or withdrew one.</summary>
    public void Invalidate() => _timeline = null;

    /// <summary>
    /// A version this instance has just published, made ready from the canonical bytes its publisher has in hand (the
    /// bytes its row holds) rather than read back from the database by the first reader. It is made in the background,
    /// through the cache's single-flight load, so the publish answers no later and a reader meanwhile waits for this
    /// load instead of starting a second; a failure only leaves the first reader to load it from the row, as before.
    /// </summary>
    public void Published(int version, byte[] costedJson, string digest)
    {
        Invalidate();
        _ = _versions.GetOrLoadAsync(version, _ => Task.Run(() => (PublishedVersion?)new PublishedVersion(costedJson, digest)), CancellationToken.None)
            .ContinueWith(static load => _ = load.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }

    private async Task<PublishedVersion?> LoadAsync(int version)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        var row = await db.FeeListVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Version == version);
        return row is null ? null : new PublishedVersion(row);
    }
}
