using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PricingApi.Data;
using FluentValidation;
using PricingApi.Configuration;

namespace PricingApi.ApiKeys;

public sealed class ApiKeyOptions
{
    public const string Section = "ApiKeys";

    /// <summary>
    /// How long a looked-up key id (known or unknown) is trusted before the database is asked again; also how long a
    /// revocation can take to reach an instance. 0 asks the database on every request.
    /// </summary>
    public int CacheSeconds { get; set; } = 5;
}

/// <summary>
/// Keeps recently presented key ids in memory for <see cref="ApiKeyOptions.CacheSeconds"/>: a database round trip on
/// every keyed request cost more than the rest of a quote's reading and checking together. Unknown ids are kept too,
/// so an unknown id and a known id with a wrong secret cost the same (a difference in time would tell a caller which
/// ids exist); a new key's id is random, so no one can have presented it before it was created. The secret is still
/// compared on every request.
/// </summary>
public sealed class ApiKeyCache(TimeProvider time, Microsoft.Extensions.Options.IOptions<ApiKeyOptions> options) : IDisposable
{
    // Bounded by count (each entry is a small row): a caller cycling random ids cannot grow it without limit.
    private readonly MemoryCache _keys = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    private sealed record Entry(ApiKey? Key, DateTimeOffset Until);

    public async Task<ApiKey?> FindAsync(string keyId, IServiceProvider requestServices, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_keys.TryGetValue(keyId, out Entry? cached) && cached!.Until > now)
        {
            return cached.Key;
        }

        var db = requestServices.GetRequiredService<PricingDbContext>();
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == keyId, ct);
        var ttl = TimeSpan.FromSeconds(options.Value.CacheSeconds);
        if (ttl <= TimeSpan.Zero)
        {
            _keys.Remove(keyId);
            return key;
        }

        // The entry's own time decides freshness (the service's TimeProvider); the cache's expiry only frees memory.
        _keys.Set(keyId, new Entry(key, now + ttl), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = ttl });
        return key;
    }

    public void Dispose() => _keys.Dispose();
}

public sealed class ApiKeyOptionsValidator : AbstractValidator<ApiKeyOptions>
{
    public ApiKeyOptionsValidator() => RuleFor(o => o.CacheSeconds).Within("ApiKeys:CacheSeconds", 0, 3600);
}
