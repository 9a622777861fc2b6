using System.Net;
using Microsoft.EntityFrameworkCore;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Safety;

public class KeyTimingTests
{
    /// <summary>
    /// An unknown key id is remembered like a known one, so neither costs a database query on the next request:
    /// shown by creating a row for the id after it was presented, which the service does not see until the cache
    /// lifetime (ApiKeys:CacheSeconds, 5 s) has passed.
    /// </summary>
    [Fact]
    public async Task AnUnknownKeyIdIsCachedLikeAKnownOne()
    {
        await using var app = new PricingApiFactory();
        var client = app.CreateAnonymousClient();
        const string keyId = "00000000000000aa";
        const string secret = "a-secret-of-enough-length-0123456789";
        var key = $"pk.{keyId}.{secret}";

        await (await KeyThrottleTests.Send(client, HttpMethod.Get, "/api/quotes", key)).ProblemAsync(HttpStatusCode.Unauthorized);
        await app.WithDbAsync(async db =>
        {
            db.ApiKeys.Add(new ApiKey { KeyId = keyId, Name = "Late key", Role = Roles.Staff, SecretHash = ApiKeySecrets.Hash(secret), CreatedAt = app.Clock.Now });
            return await db.SaveChangesAsync();
        });

        await (await KeyThrottleTests.Send(client, HttpMethod.Get, "/api/quotes", key)).ProblemAsync(HttpStatusCode.Unauthorized);
        app.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(HttpStatusCode.OK, (await KeyThrottleTests.Send(client, HttpMethod.Get, "/api/quotes", key)).StatusCode);
    }
}
