using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PricingApi.Data;

namespace PricingApi.FeeList;

/// <summary>
/// Reads published versions for every route that serves them. The list of versions is small and cached for
/// <see cref="FeeListOptions.RefreshSeconds"/>; each version's document is immutable and cached once loaded.
/// </summary>
public sealed class FeeListStore(IServiceScopeFactory scopes, TimeProvider time, IOptions<FeeListOptions> options)
{
    private const int MaxCachedVersions = 16;
    private readonly ConcurrentDictionary<int, Lazy<Task<PublishedVersion?>>> _versions = new();
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
            _timeline = new Timeline(rows, time.GetTimestamp());
            return rows;
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

    /// <summary>The version in effect at <paramref name="at"/>: the latest whose effective time has come.</summary>
    public async ValueTask<VersionSummary?> InEffectAsync(DateTimeOffset at, CancellationToken ct) =>
        VersionTimeline.InEffect(await VersionsAsync(ct), at);

    public async ValueTask<PublishedVersion?> GetAsync(int version, CancellationToken ct)
    {
        // Every quote and completion asks for the version in effect: answer a loaded one without touching Count,
        // which takes every lock of the dictionary and made concurrent requests queue behind each other.
        if (Loaded(version) is { } loadedAlready)
        {
            return loadedAlready;
        }

        if (_versions.Count > MaxCachedVersions)
        {
            _versions.Clear();
        }

        var entry = _versions.GetOrAdd(version, v => new Lazy<Task<PublishedVersion?>>(() => LoadAsync(v)));
        PublishedVersion? loaded;
        try
        {
            loaded = await entry.Value.WaitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _versions.TryRemove(KeyValuePair.Create(version, entry));
            throw;
        }

        if (loaded is null)
        {
            // Not published (yet): do not remember the miss, another instance may publish it.
            _versions.TryRemove(version, out _);
        }

        return loaded;
    }

    /// <summary>A version already loaded into memory, else null. Never waits for the database.</summary>
    public PublishedVersion? Loaded(int version) =>
        _versions.TryGetValue(version, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully
            ? entry.Value.Result
            : null;

    /// <summary>Forget the list of versions, after this instance published one.</summary>
    public void Invalidate() => _timeline = null;

    private async Task<PublishedVersion?> LoadAsync(int version)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        var row = await db.FeeListVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Version == version);
        return row is null ? null : new PublishedVersion(row);
    }
}
