using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using PricingApi.Operations;
using FluentValidation;
using PricingApi.Configuration;

namespace PricingApi.Caching;

/// <summary>The byte budgets of the in-memory caches (see docs/operations.md).</summary>
public sealed class CacheOptions
{
    public const string Section = "Caches";

    /// <summary>Rendered downloads and pages (CSV, XLSX, HTML) of any version and the compressed forms of the other public reads, together.</summary>
    public long RenderedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Loaded fee-list versions other than the one in effect and the scheduled ones, which are always kept.</summary>
    public long VersionBytes { get; set; } = 128L * 1024 * 1024;
}

// (Plain comments, not XML documentation: the OpenAPI XML-comment source generator of .NET 10 registers this
// generic type twice and fails every /openapi/v1.json request.)
// <summary>
// A <see cref="MemoryCache"/> bounded by bytes: each entry's size is its bytes (or an estimate of them), and when a
// new entry would pass the budget, least-recently-used entries are evicted one at a time until it fits. Loads are
// single-flight: concurrent requests for one key wait for one load.
// </summary>
// <remarks>
// MemoryCache on its own refuses an entry that does not fit and compacts in the background, so a client cycling
// through more keys than fit would have every one rendered twice and kept never; and the previous caches here
// dropped everything at once, the list in effect included, which stalled the hot path while it was read again.
// </remarks>
public sealed class ByteBudgetCache<TKey, TValue> : IDisposable where TKey : notnull where TValue : class
{
    private readonly MemoryCache _cache;
    private readonly ConcurrentDictionary<TKey, Lazy<Task<TValue?>>> _loading = new();
    private readonly Func<TValue, long> _sizeOf;
    private readonly long _budget;
    private readonly KeyValuePair<string, object?> _tag;
    private readonly object _making = new();
    // Loads of different keys at once, at most one per core: a load (a version parsed, a workbook rendered) is CPU work,
    // so more at once finish no sooner on a small machine, but each holds its working memory meanwhile. 32 clients
    // cycling through versions nobody had asked for yet could render 32 workbooks at once.
    private readonly SemaphoreSlim _loads = new(Math.Max(1, Environment.ProcessorCount));

    public ByteBudgetCache(string name, long budgetBytes, Func<TValue, long> sizeOf)
    {
        _budget = Math.Max(1, budgetBytes);
        _sizeOf = sizeOf;
        _tag = new("cache", name);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = _budget, TrackStatistics = true, CompactionPercentage = 0.01 });
    }

    // <summary>Bytes held now (by the entries' sizes).</summary>
    public long Bytes => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public int Count => _cache.Count;

    // <summary>A cached value, never waiting for a load.</summary>
    public TValue? Find(TKey key) => _cache.TryGetValue(key, out TValue? value) ? value : null;

    // <summary><paramref name="load"/> runs without the request's token: other requests may be waiting for it. A null result is not kept.</summary>
    public async Task<TValue?> GetOrLoadAsync(TKey key, Func<TKey, Task<TValue?>> load, CancellationToken ct)
    {
        if (_cache.TryGetValue(key, out TValue? hit))
        {
            PricingMetrics.CacheHits.Add(1, _tag);
            return hit;
        }

        PricingMetrics.CacheMisses.Add(1, _tag);
        var entry = _loading.GetOrAdd(key, k => new Lazy<Task<TValue?>>(() => LoadAsync(k, load)));
        return await entry.Value.WaitAsync(ct);
    }

    private async Task<TValue?> LoadAsync(TKey key, Func<TKey, Task<TValue?>> load)
    {
        await _loads.WaitAsync();
        try
        {
            var value = await load(key);
            if (value is not null)
            {
                Store(key, value);
            }

            return value;
        }
        finally
        {
            _loads.Release();
            // A failure is not remembered: the next request loads again.
            _loading.TryRemove(key, out _);
        }
    }

    private void Store(TKey key, TValue value)
    {
        var size = Math.Max(1, _sizeOf(value));
        if (size > _budget)
        {
            return; // served, but larger than the whole budget: never kept
        }

        lock (_making)
        {
            while (Bytes + size > _budget && _cache.Count > 0)
            {
                var before = _cache.Count;
                // Compact(p) removes the least recently used p × Count entries: here exactly one.
                _cache.Compact((1.0 + 1e-9) / before);
                if (_cache.Count >= before)
                {
                    break;
                }
            }

            _cache.Set(key, value, new MemoryCacheEntryOptions
            {
                Size = size,
                PostEvictionCallbacks = { new PostEvictionCallbackRegistration { EvictionCallback = Evicted, State = _tag } },
            });
        }
    }

    private static void Evicted(object key, object? value, EvictionReason reason, object? state)
    {
        if (reason is EvictionReason.Capacity)
        {
            PricingMetrics.CacheEvictions.Add(1, (KeyValuePair<string, object?>)state!);
        }
    }

    public void Dispose()
    {
        _cache.Dispose();
        _loads.Dispose();
    }
}

public sealed class CacheOptionsValidator : AbstractValidator<CacheOptions>
{
    public CacheOptionsValidator()
    {
        // Positive: even a budget too small for anything keeps the versions in effect and scheduled (they are never
        // evicted), it only makes every other version render again each time.
        RuleFor(o => o.RenderedBytes).AtLeast("Caches:RenderedBytes", 1L);
        RuleFor(o => o.VersionBytes).AtLeast("Caches:VersionBytes", 1L);
    }
}
