using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;

namespace PricingApi.Tests.Charges;

/// <summary>The calls from quote to charge as a clerk's tool makes them.</summary>
public static class ChargeRequests
{
    public static Dictionary<string, object?> Completion(params (string Code, decimal Quantity)[] lines) => new()
    {
        ["lines"] = lines.Select(l => QuoteRequests.Line(l.Code, l.Quantity)).ToList(),
    };

    public static Task<HttpResponseMessage> AcceptAsync(this HttpClient client, string number, string? idempotencyKey = null) =>
        client.SendAsync(With(new HttpRequestMessage(HttpMethod.Post, $"/api/quotes/{number}/acceptance"), idempotencyKey));

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient client, string number, object body, string? idempotencyKey = null) =>
        client.SendAsync(With(new HttpRequestMessage(HttpMethod.Post, $"/api/quotes/{number}/completion") { Content = JsonContent.Create(body, options: HttpAssertions.Json) }, idempotencyKey));

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient client, string number, params (string Code, decimal Quantity)[] lines) =>
        client.CompleteAsync(number, Completion(lines));

    /// <summary>Issues and accepts a quote; returns its number.</summary>
    public static async Task<string> AcceptedQuoteAsync(this HttpClient staff, params (string Code, decimal Quantity)[] lines)
    {
        var number = (await staff.IssueAsync(lines)).Text("number");
        await (await staff.AcceptAsync(number)).JsonBodyAsync();
        return number;
    }

    /// <summary>Issues, accepts and completes a quote with the work as quoted; returns the completed quote.</summary>
    public static async Task<JsonNode> ChargedQuoteAsync(this HttpClient staff, params (string Code, decimal Quantity)[] lines)
    {
        var number = await staff.AcceptedQuoteAsync(lines);
        return await (await staff.CompleteAsync(number, lines)).JsonBodyAsync();
    }

    private static HttpRequestMessage With(HttpRequestMessage request, string? idempotencyKey)
    {
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }
}
