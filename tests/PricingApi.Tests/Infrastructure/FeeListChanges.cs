using System.Net;
using System.Text.Json.Nodes;
using PricingApi.ApiKeys;

namespace PricingApi.Tests.Infrastructure;

/// <summary>Catalog edits and publications through the admin API, as a pricing admin makes them.</summary>
public static class FeeListChanges
{
    /// <summary>1 December 2026, 00:00 in Kunming: after <see cref="TestClock.DefaultStart"/>, so a version there is scheduled.</summary>
    public static readonly DateTimeOffset FirstOfDecember = new(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public static HttpClient CreateAdmin(this PricingApiFactory app) => app.CreateClient(Roles.PricingAdmin, "Pricing admin");

    /// <summary>Publishes the working catalog and returns the new version's number.</summary>
    public static async Task<int> PublishAsync(this HttpClient admin, DateTimeOffset? effectiveFrom = null)
    {
        var body = effectiveFrom is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["effectiveFrom"] = effectiveFrom };
        var created = await (await admin.PostJsonAsync("/api/admin/fee-list/versions", body)).JsonBodyAsync(HttpStatusCode.Created);
        return created["version"]!.GetValue<int>();
    }

    public static async Task AddServiceAsync(this HttpClient admin, Dictionary<string, object?> service) =>
        await (await admin.PostJsonAsync("/api/admin/services", service)).JsonBodyAsync(HttpStatusCode.Created);

    /// <summary>Changes one working-catalog item's tax-exclusive price, keeping everything else as it is.</summary>
    public static async Task RepriceAsync(this HttpClient admin, string code, decimal priceExcludingTax)
    {
        var item = (await (await admin.GetAsync($"/api/admin/services/{code}")).JsonBodyAsync()).AsObject();
        foreach (var computed in new[] { "cost", "price", "costProfitRatio", "highestAllowedPrice", "withinCap", "revision", "updatedAt" })
        {
            item.Remove(computed);
        }

        item["priceExcludingTax"] = JsonValue.Create(priceExcludingTax);
        await (await admin.PutJsonAsync($"/api/admin/services/{code}", item)).JsonBodyAsync();
    }

    public static async Task RemoveServiceAsync(this HttpClient admin, string code) =>
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/services/{code}")).StatusCode);
}
