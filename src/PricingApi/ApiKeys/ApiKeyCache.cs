using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PricingApi.Data;

namespace PricingApi.ApiKeys;

public sealed class ApiKeyOptions
{
    public const string Section = "ApiKeys";

    /// <summary>
    /// How long a looked-up key is trusted before the database is asked again; also how long a revocation can
    /// take to reach an instance. 0 asks the database on every request.
    /// </summary>
    public int CacheSeconds { get; set; } = 5;
}

/// <summary>
/// Keeps recently used keys in memory for <see cref="ApiKeyOptions.CacheSeconds"/>: a database round trip on
/// every keyed request cost more than the rest of a quote's reading and checking together. Unknown keys are never
/// cached (the failed-key throttle deals with guessing), and the secret is still compared on every request.
/// </summary>
public sealed class ApiKeyCache(TimeProvider time, Microsoft.Extensions.Options.IOptions<ApiKeyOptions> options)
{
    private readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset Until)> _keys = new();

    public async Task<ApiKey?> FindAsync(string keyId, IServiceProvider requestServices, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_keys.TryGetValue(keyId, out var cached) && cached.Until > now)
        {
            return cached.Key;
        }

        var db = requestServices.GetRequiredService<PricingDbContext>();
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, ct);
        var ttl = TimeSpan.FromSeconds(options.Value.CacheSeconds);
        if (key is null || ttl <= TimeSpan.Zero)
        {
            _keys.TryRemove(keyId, out _);
            return key;
        }

        _keys[keyId] = (key, now + ttl);
        return key;
    }
}
