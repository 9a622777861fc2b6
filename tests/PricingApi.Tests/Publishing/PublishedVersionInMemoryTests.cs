using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PricingApi.FeeList;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Publishing;

/// <summary>
/// Issue 18, point 7 (memory): a version this instance publishes is made ready to serve from the bytes its publisher
/// wrote, not read back by the first reader, and what is kept of it is the bytes and the public document only.
/// </summary>
public class PublishedVersionInMemoryTests
{
    [Fact]
    public async Task APublishedVersionIsReadyFromThePublishersBytesBeforeAnyoneReadsItAndTheyAreTheRowsBytes()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateAdmin();
        await admin.RepriceAsync("EXT-TANK-CLEAN-20", 880m);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var version = await admin.PublishAsync();
        var store = app.Services.GetRequiredService<FeeListStore>();

        // Nothing has asked for the new version: only the publisher can have made it ready.
        var ready = store.Loaded(version);
        for (var waited = 0; ready is null && waited < 100; waited++)
        {
            await Task.Delay(50);
            ready = store.Loaded(version);
        }

        Assert.NotNull(ready);
        var row = await app.WithDbAsync(db => db.FeeListVersions.AsNoTracking().SingleAsync(v => v.Version == version));
        Assert.Equal(Encoding.UTF8.GetBytes(row.Document), ready.CostedJson);
        Assert.Equal(row.Digest, ready.Digest);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(ready.CostedJson)), ready.Digest);
        Assert.Equal(880m, ready.Public.ExtendedServices.Single(s => s.Code == "EXT-TANK-CLEAN-20").PriceExcludingTax);
        Assert.Equal(version, ready.ReadCosted().Version);

        // And it is what the public list serves, the same object as loaded from the row would give.
        var fromRow = new PublishedVersion(row);
        var served = await app.CreateAnonymousClient().GetAsync("/api/fee-list");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(fromRow.PublicETag, served.Headers.ETag!.Tag);
        Assert.Equal(fromRow.PublicJson, await served.Content.ReadAsByteArrayAsync());
        Assert.Same(ready, store.Loaded(version));
    }
}
