using System.Net;
using System.Net.Http.Json;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Catalog;

/// <summary>Two pricing admins editing the same item at the same moment: one wins, the other is told, nothing is lost silently.</summary>
public class CatalogConcurrencyTests
{
    private const string Url = "/api/admin/services/EXT-RACE";
    private const int Rounds = 10;

    [Fact]
    public async Task ConcurrentEditsWithTheSameETagGiveExactlyOne200AndOne409AndTheWinnersBodyIsStored()
    {
        // Two instances on one database, as behind a load balancer, so the race is settled by the database alone.
        await using var first = new PricingApiFactory();
        first.CreateAnonymousClient();
        await using var second = new PricingApiFactory(shareDatabaseWith: first);
        var alice = first.CreateClient(Roles.PricingAdmin, "Alice");
        var bob = second.CreateClient(Roles.PricingAdmin, "Bob");
        await (await alice.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-RACE"))).JsonBodyAsync(HttpStatusCode.Created);

        for (var round = 0; round < Rounds; round++)
        {
            // Both read the same revision, then both write a different change against it.
            var read = await alice.GetAsync(Url);
            var etag = read.Headers.ETag!.Tag;
            var revision = (await read.JsonBodyAsync())["revision"]!.GetValue<int>();
            var bodies = new[]
            {
                Requests.Extended("EXT-RACE", cost: 1000.00m, priceExcludingTax: 1001.00m + round).With("name", $"Alice {round}"),
                Requests.Extended("EXT-RACE", cost: 1000.00m, priceExcludingTax: 1002.50m + round).With("name", $"Bob {round}"),
            };
            var responses = await Task.WhenAll(Put(alice, bodies[0], etag), Put(bob, bodies[1], etag));

            var statuses = responses.Select(r => r.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
            var winner = Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.OK);
            var problem = await responses[1 - winner].ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("changed by someone else", problem["detail"]!.GetValue<string>());

            var stored = await (await bob.GetAsync(Url)).JsonBodyAsync();
            Assert.Equal(bodies[winner]["name"], stored["name"]!.GetValue<string>());
            Assert.Equal((decimal)bodies[winner]["priceExcludingTax"]!, stored["priceExcludingTax"]!.GetValue<decimal>());
            Assert.Equal(revision + 1, stored["revision"]!.GetValue<int>());
        }

        // The audit trail holds exactly the winning writes: one creation and one update per round.
        var audit = await (await first.CreateClient(Roles.Regulator).GetAsync("/api/regulator/audit?serviceCode=EXT-RACE&pageSize=200")).JsonBodyAsync();
        Assert.Equal(1 + Rounds, audit["total"]!.GetValue<int>());
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Url) { Content = JsonContent.Create(body, options: HttpAssertions.Json) };
        request.Headers.IfMatch.ParseAdd(etag);
        return client.SendAsync(request);
    }
}
