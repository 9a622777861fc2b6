using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Tests.Infrastructure;
using PricingApi.Caching;

namespace PricingApi.Tests.Safety;

public class CacheBudgetTests
{
    [Fact]
    public async Task EntriesAreEvictedOneAtATimeLeastRecentlyUsedFirstToStayWithinTheBudget()
    {
        using var cache = new ByteBudgetCache<string, byte[]>("test", 1000, b => b.Length);
        Task<byte[]?> Bytes(int n) => Task.FromResult<byte[]?>(new byte[n]);

        await cache.GetOrLoadAsync("a", _ => Bytes(400), CancellationToken.None);
        await cache.GetOrLoadAsync("b", _ => Bytes(400), CancellationToken.None);
        await cache.GetOrLoadAsync("a", _ => throw new InvalidOperationException("a is cached"), CancellationToken.None); // a used last
        await cache.GetOrLoadAsync("c", _ => Bytes(400), CancellationToken.None);

        Assert.NotNull(cache.Find("a"));
        Assert.Null(cache.Find("b")); // only the least recently used one went
        Assert.NotNull(cache.Find("c"));
        Assert.Equal(800, cache.Bytes);

        var huge = await cache.GetOrLoadAsync("huge", _ => Bytes(5000), CancellationToken.None);
        Assert.Equal(5000, huge!.Length); // served, but larger than the budget: not kept, and nothing evicted for it
        Assert.Null(cache.Find("huge"));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task ConcurrentRequestsForOneKeyShareOneLoadAndAFailureIsNotKept()
    {
        using var cache = new ByteBudgetCache<int, byte[]>("test", 1000, b => b.Length);
        var loads = 0;
        var gate = new TaskCompletionSource();
        async Task<byte[]?> Load(int _)
        {
            Interlocked.Increment(ref loads);
            await gate.Task;
            return new byte[10];
        }

        var waiting = Enumerable.Range(0, 5).Select(_ => cache.GetOrLoadAsync(1, Load, CancellationToken.None)).ToList();
        gate.SetResult();
        await Task.WhenAll(waiting);
        Assert.Equal(1, loads);

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrLoadAsync(2, _ => throw new InvalidOperationException(), CancellationToken.None));
        Assert.Equal(10, (await cache.GetOrLoadAsync(2, _ => Task.FromResult<byte[]?>(new byte[10]), CancellationToken.None))!.Length);
    }

    [Fact]
    public async Task LoadsOfDifferentKeysRunAtMostOnePerCoreAtOnce()
    {
        using var cache = new ByteBudgetCache<int, byte[]>("test", 1_000_000, b => b.Length);
        var cores = Environment.ProcessorCount;
        int running = 0, most = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<byte[]?> Load(int _)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await gate.Task;
            Interlocked.Decrement(ref running);
            return new byte[10];
        }

        var loads = Enumerable.Range(0, cores + 3).Select(key => cache.GetOrLoadAsync(key, Load, CancellationToken.None)).ToList();
        await Task.Delay(200);
        Assert.Equal(cores, Volatile.Read(ref running)); // the others wait for a slot
        gate.SetResult();
        await Task.WhenAll(loads);

        Assert.Equal(cores, most);
        Assert.Equal(cores + 3, cache.Count); // every key was loaded in the end
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    [Fact]
    public async Task CyclingOldVersionsNeverEvictsTheVersionInEffectOrTheScheduledOne()
    {
        // A budget too small for any version: only the pinned ones stay in memory.
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?>
        {
            ["Caches:VersionBytes"] = "1",
            ["Caches:RenderedBytes"] = "1",
        });
        var admin = app.CreateAdmin();
        for (var price = 899m; price > 895m; price--)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await admin.RepriceAsync("EXT-TANK-CLEAN-20", price);
            await admin.PublishAsync();
        }

        await admin.RepriceAsync("EXT-TANK-CLEAN-20", 880m);
        var scheduled = await admin.PublishAsync(FeeListChanges.FirstOfDecember);
        var inEffect = scheduled - 1;
        var anonymous = app.CreateAnonymousClient();

        for (var round = 0; round < 2; round++)
        {
            for (var v = 1; v <= scheduled; v++)
            {
                var version = await (await anonymous.GetAsync($"/api/fee-list/versions/{v}")).JsonBodyAsync();
                Assert.Equal(v, version["version"]!.GetValue<int>());
                var csv = await anonymous.GetAsync($"/api/fee-list.csv?version={v}");
                Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
                Assert.Contains("EXT-TANK-CLEAN-20", await csv.Content.ReadAsStringAsync());
            }
        }

        var store = app.Services.GetRequiredService<FeeListStore>();
        Assert.NotNull(store.Loaded(inEffect));
        Assert.NotNull(store.Loaded(scheduled));
        Assert.Null(store.Loaded(inEffect - 1));
        Assert.Null(store.Loaded(1));
        Assert.Equal(0, app.Services.GetRequiredService<RenderedBytes>().Cache.Bytes);
        var current = await (await anonymous.GetAsync("/api/fee-list")).JsonBodyAsync();
        Assert.Equal(inEffect, current["version"]!.GetValue<int>());
    }
}
