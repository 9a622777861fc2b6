using System.Net;
using System.Text.Json.Nodes;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Regulator;

/// <summary>What the regulator tests do to get something to look at: change the catalog and publish it.</summary>
internal static class RegulatorSteps
{
    /// <summary>An extended service with every cost part filled in, so the sum is worth checking.</summary>
    public static Dictionary<string, object?> ItemisedService(string code, decimal priceExcludingTax, decimal vatRate = 0.09m) =>
        Requests.Extended(code, priceExcludingTax: priceExcludingTax, vatRate: vatRate)
            .With("costBasis", new Dictionary<string, object?>
            {
                ["materials"] = 120.10m, ["labour"] = 500.25m, ["machinery"] = 80.05m, ["other"] = 60.30m, ["overhead"] = 60.33m,
            });

    /// <summary>Moves the clock an hour on and publishes the working catalog as the next version, effective at once.</summary>
    public static async Task<JsonNode> PublishAsync(PricingApiFactory app, HttpClient admin)
    {
        app.Clock.Advance(TimeSpan.FromHours(1));
        return await (await admin.PostJsonAsync("/api/admin/fee-list/versions", new { })).JsonBodyAsync(HttpStatusCode.Created);
    }

    /// <summary>Adds a service with a new code, then publishes: an unchanged catalog would be "nothing changed".</summary>
    public static async Task<JsonNode> ChangeAndPublishAsync(PricingApiFactory app, HttpClient admin)
    {
        await CreateAsync(admin, Requests.Extended($"EXT-STEP-{Interlocked.Increment(ref _changes)}"));
        return await PublishAsync(app, admin);
    }

    private static int _changes;

    public static async Task CreateAsync(HttpClient admin, object service) =>
        await (await admin.PostJsonAsync("/api/admin/services", service)).JsonBodyAsync(HttpStatusCode.Created);
}
