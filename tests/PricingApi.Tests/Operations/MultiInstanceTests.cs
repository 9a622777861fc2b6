using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;

namespace PricingApi.Tests.Operations;

/// <summary>
/// Two instances of the service on one database, as behind a load balancer: PostgreSQL when the suite runs on
/// it, one SQLite file otherwise. Uniqueness and order come from the database, not from either process.
/// </summary>
public class MultiInstanceTests
{
    [Fact]
    public async Task ConcurrentPublishesAndQuotesThroughTwoInstancesNeverRepeatAVersionOrANumber()
    {
        await using var first = new PricingApiFactory();
        first.CreateAnonymousClient(); // starts it: migrates, seeds, publishes version 1
        await using var second = new PricingApiFactory(shareDatabaseWith: first);
        var admins = new[] { first.CreateClient(Roles.PricingAdmin), second.CreateClient(Roles.PricingAdmin) };
        var staff = new[] { first.CreateClient(Roles.Staff), second.CreateClient(Roles.Staff) };
        var tomorrow = first.Clock.Now.AddDays(1);
        await (await admins[0].PostJsonAsync("/api/admin/services", Requests.Extended("EXT-MULTI"))).JsonBodyAsync(HttpStatusCode.Created);

        var publishes = Enumerable.Range(0, 10).Select(i =>
            admins[i % 2].PostJsonAsync("/api/admin/fee-list/versions", new { effectiveFrom = tomorrow.AddMinutes(i) }));
        var quotes = Enumerable.Range(0, 60).Select(i =>
            staff[i % 2].PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m))));
        var publishResponses = await Task.WhenAll(publishes);
        var quoteResponses = await Task.WhenAll(quotes);

        // A publish either wins a version or is refused (nothing changed, or a later time already taken): never a 5xx, never a duplicate.
        Assert.All(publishResponses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity }));
        var published = publishResponses.Count(r => r.StatusCode == HttpStatusCode.Created);
        Assert.True(published >= 1);
        var versions = (await (await admins[1].GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray()
            .Select(v => v!["version"]!.GetValue<int>()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, published + 1), versions);
        var effective = (await (await admins[0].GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray()
            .Select(v => v!["effectiveFrom"]!.GetValue<string>()).ToList();
        Assert.Equal(effective.Count, effective.Distinct().Count());

        var numbers = new List<string>();
        foreach (var response in quoteResponses)
        {
            numbers.Add((await response.JsonBodyAsync(HttpStatusCode.Created))["number"]!.GetValue<string>());
        }

        Assert.Equal(60, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 60).Select(n => $"Q-2026-{n:D6}"), numbers.Order(StringComparer.Ordinal));
    }
}
