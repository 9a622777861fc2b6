using System.Net;
using System.Text.Json;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Safety;

/// <summary>The logs operators read: the real process's console in production.</summary>
public class RequestLogTests
{
    [Fact]
    public async Task EachRequestGetsOneLineWithMethodPathStatusDurationAndRequestIdButNoQuery()
    {
        var directory = Directory.CreateTempSubdirectory("pricingapi-process-").FullName;
        await using var service = await ServiceProcess.StartAsync(Path.Combine(directory, "pricing.db"),
            new Dictionary<string, string>
            {
                ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
                // The log is on by default (appsettings.json); the fee list's successful answers are sampled one in 100
                // unless this says every one.
                ["AccessLog__PublicFeeListOneIn"] = "1",
            });

        var list = await service.Client.GetAsync("/api/fee-list"); // answered by the fast path once warm
        var search = new HttpRequestMessage(HttpMethod.Get, "/api/quotes?customer=张三&key=pk.0000000000000001.secretsecretsecretsecret");
        search.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var refused = await service.Client.SendAsync(search);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        // The access log writes on its own thread, every 100 ms.
        var ids = new[] { list, refused }.Select(r => r.Headers.GetValues("X-Request-Id").Single()).ToList();
        for (var waited = 0; waited < 100 && !ids.All(id => service.Output.Any(l => l.Contains("\"Category\":\"PricingApi.Requests\"", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal))); waited++)
        {
            await Task.Delay(50);
        }

        var entries = service.Output.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(entries, e => Assert.False(e.GetProperty("Timestamp").GetString()!.EndsWith(' ')));
        var requests = entries.Where(e => e.GetProperty("Category").GetString() == "PricingApi.Requests").ToList();

        var listLine = Assert.Single(requests, e => Id(e) == list.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("GET", State(listLine, "Method"));
        Assert.Equal("/api/fee-list", State(listLine, "Path"));
        Assert.Equal("200", State(listLine, "Status"));
        Assert.True(double.Parse(State(listLine, "DurationMs"), System.Globalization.CultureInfo.InvariantCulture) >= 0);

        var refusedLine = Assert.Single(requests, e => Id(e) == refused.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("/api/quotes", State(refusedLine, "Path"));
        Assert.Equal("401", State(refusedLine, "Status"));
        Assert.Equal("203.0.113.9", State(refusedLine, "Client"));
        Assert.DoesNotContain(service.Output, l => l.Contains("customer=", StringComparison.Ordinal) || l.Contains("secretsecret", StringComparison.Ordinal));
    }

    private static string Id(JsonElement entry) => State(entry, "RequestId");

    private static string State(JsonElement entry, string name) =>
        entry.GetProperty("State").TryGetProperty(name, out var value) ? value.ToString() : "";
}
