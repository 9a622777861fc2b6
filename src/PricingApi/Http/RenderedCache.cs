using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace PricingApi.Http;

/// <summary>Bytes rendered once and served many times, with the strong ETag (a hash of exactly these bytes).</summary>
public sealed record Rendered(byte[] Body, string ETag)
{
    /// <summary>The same form as the JSON's ETags: the first 128 bits of the SHA-256, in hex.</summary>
    public static Rendered Of(byte[] body) => new(body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
}

/// <summary>
/// Renders each key's bytes once (concurrent requests for the same key wait for one rendering) and keeps a bounded
/// number of them. A key must name everything the bytes depend on, so a cached entry is never stale, only unused.
/// </summary>
public sealed class RenderedCache<TKey>(int capacity = 32) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Lazy<Task<Rendered>>> _entries = new();

    /// <summary><paramref name="render"/> runs without the request's token: other requests may be waiting for it.</summary>
    public async Task<Rendered> GetOrRenderAsync(TKey key, Func<TKey, Task<byte[]>> render, CancellationToken ct)
    {
        if (_entries.Count >= capacity && !_entries.ContainsKey(key))
        {
            // Old keys (superseded versions, past announcements) are rarely asked for again; start afresh.
            _entries.Clear();
        }

        var entry = _entries.GetOrAdd(key, k => new Lazy<Task<Rendered>>(async () => Rendered.Of(await render(k))));
        try
        {
            return await entry.Value.WaitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Do not remember a failure: the next request renders again.
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }
}
