using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace PricingApi.Http;

/// <summary>Bytes rendered once and served many times, with the strong ETag (a hash of exactly these bytes).</summary>
public sealed record Rendered(byte[] Body, string ETag)
{
    /// <summary>The same form as the JSON's ETags: the first 128 bits of the SHA-256, in hex.</summary>
    public static Rendered Of(byte[] body) => new(body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
}

/// <summary>
/// Every rendered download and page of the service in one byte budget (<see cref="CacheOptions.RenderedBytes"/>),
/// least-recently-used evicted first.
/// </summary>
public sealed class RenderedBytes(IOptions<CacheOptions> options) : IDisposable
{
    internal ByteBudgetCache<object, Rendered> Cache { get; } =
        new("rendered", options.Value.RenderedBytes, r => r.Body.Length + 2L * r.ETag.Length + 64);

    public void Dispose() => Cache.Dispose();
}

/// <summary>
/// Renders each key's bytes once (concurrent requests for the same key wait for one rendering) and keeps them in the
/// shared <see cref="RenderedBytes"/> budget. A key must name everything the bytes depend on, so a cached entry is
/// never stale, only unused; keys of different types never collide.
/// </summary>
public sealed class RenderedCache<TKey>(RenderedBytes shared) where TKey : notnull
{
    /// <summary><paramref name="render"/> runs without the request's token: other requests may be waiting for it.</summary>
    public async Task<Rendered> GetOrRenderAsync(TKey key, Func<TKey, Task<byte[]>> render, CancellationToken ct) =>
        (await shared.Cache.GetOrLoadAsync(key, async k => Rendered.Of(await render((TKey)k)), ct))!;
}
