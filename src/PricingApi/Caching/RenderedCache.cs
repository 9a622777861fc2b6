using Microsoft.Extensions.Options;

namespace PricingApi.Caching;

/// <summary>
/// Every rendered download and page of the service in one byte budget (<see cref="CacheOptions.RenderedBytes"/>),
/// compressed forms included, least-recently-used evicted first.
/// </summary>
public sealed class RenderedBytes(IOptions<CacheOptions> options) : IDisposable
{
    internal ByteBudgetCache<object, Rendered> Cache { get; } = new("rendered", options.Value.RenderedBytes, r => r.Bytes);

    /// <summary>
    /// <paramref name="body"/> with its brotli and gzip forms, for an answer built on each request from what may change
    /// at any moment (the list of versions, the feed, the signing keys): no key names everything it depends on, so the
    /// forms are kept under the body's own hash, and each distinct body is compressed once however often it is built.
    /// </summary>
    public async Task<Rendered> CompressedAsync(byte[] body, CancellationToken ct)
    {
        var plain = Rendered.Of(body);
        return (await Cache.GetOrLoadAsync(new SameBytes(plain.ETag), _ => Task.FromResult<Rendered?>(plain.Compressed()), ct))!;
    }

    /// <summary>The key of bytes kept by their hash (a type of its own, so it never meets another cache's key).</summary>
    private sealed record SameBytes(string ETag);

    public void Dispose() => Cache.Dispose();
}

/// <summary>
/// Renders each key's bytes once (concurrent requests for the same key wait for one rendering) and keeps them in the
/// shared <see cref="RenderedBytes"/> budget. A key must name everything the bytes depend on, so a cached entry is
/// never stale, only unused; keys of different types never collide.
/// </summary>
public sealed class RenderedCache<TKey>(RenderedBytes shared) where TKey : notnull
{
    /// <summary>
    /// <paramref name="render"/> runs without the request's token: other requests may be waiting for it. With
    /// <paramref name="compress"/>, the brotli and gzip forms are made with it, once.
    /// </summary>
    public async Task<Rendered> GetOrRenderAsync(TKey key, Func<TKey, Task<byte[]>> render, CancellationToken ct, bool compress = false) =>
        (await shared.Cache.GetOrLoadAsync(key, async k => Rendered.Of(await render((TKey)k), compress), ct))!;
}
