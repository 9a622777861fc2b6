using System.Net;
using System.Text.Json.Nodes;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Quotes;

/// <summary>Quote bodies as a clerk's tool writes them, and the few calls the quote tests repeat.</summary>
public static class QuoteRequests
{
    /// <summary>By default an address inside the Kunming area: 五华区 is partial, so the street is named.</summary>
    public static Dictionary<string, object?> Customer(string district = "五华区", string name = "张三", string phone = "13812345678", string? street = "华山街道") => new()
    {
        ["name"] = name,
        ["phone"] = phone,
        ["address"] = "东风西路 1 号",
        ["district"] = district,
        ["street"] = street,
    };

    public static Dictionary<string, object?> Line(string code, decimal quantity) => new() { ["serviceCode"] = code, ["quantity"] = quantity };

    public static Dictionary<string, object?> Quote(params (string Code, decimal Quantity)[] lines) => new()
    {
        ["customer"] = Customer(),
        ["lines"] = lines.Select(l => Line(l.Code, l.Quantity)).ToList(),
    };

    /// <summary>POSTs a quote and asserts it was issued (201).</summary>
    public static async Task<JsonNode> IssueAsync(this HttpClient client, object body) =>
        await (await client.PostJsonAsync("/api/quotes", body)).JsonBodyAsync(HttpStatusCode.Created);

    public static Task<JsonNode> IssueAsync(this HttpClient client, params (string Code, decimal Quantity)[] lines) =>
        client.IssueAsync(Quote(lines));

    /// <summary>Publishes the working catalog a minute from now (a version must start later than the one before it).</summary>
    public static async Task PublishAsync(this PricingApiFactory app, HttpClient admin)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await admin.PostJsonAsync("/api/admin/fee-list/versions", new { })).JsonBodyAsync(HttpStatusCode.Created);
    }

    public static decimal Decimal(this JsonNode node, string field) => node[field]!.GetValue<decimal>();

    public static string Text(this JsonNode node, string field) => node[field]!.GetValue<string>();
}
