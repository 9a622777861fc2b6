using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Quotes;

/// <summary>A clerk who double-clicks (or whose tool retries) sends the same Idempotency-Key and gets the first quote back.</summary>
public class QuoteIdempotencyTests
{
    [Fact]
    public async Task RetriedPostWithTheSameKeyReturnsTheFirstQuote()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");

        var first = await PostAsync(staff, "retry-1", QuoteRequests.Quote(("EXT-TEST-9", 2m)));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await PostAsync(staff, "retry-1", QuoteRequests.Quote(("EXT-TEST-9", 2m)));

        var a = await first.JsonBodyAsync(HttpStatusCode.Created);
        var b = await second.JsonBodyAsync(HttpStatusCode.Created);
        Assert.Equal("Q-2026-000001", b.Text("number"));
        Assert.Equal(a.Text("createdAt"), b.Text("createdAt"));
        Assert.Equal(530.00m, b.Decimal("total"));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(["true"], second.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal(1, await CountAsync(staff));
    }

    [Fact]
    public async Task ConcurrentRetriesWithTheSameKeyCreateOneQuote()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(staff, "double-click", QuoteRequests.Quote(("EXT-TEST-9", 1m)))));

        foreach (var response in responses)
        {
            Assert.Equal("Q-2026-000001", (await response.JsonBodyAsync(HttpStatusCode.Created)).Text("number"));
        }

        Assert.Equal(1, await CountAsync(staff));
    }

    [Fact]
    public async Task DifferentKeysOrNoKeyCreateSeparateQuotes()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");

        var a = await (await PostAsync(staff, "key-a", QuoteRequests.Quote(("EXT-TEST-9", 1m)))).JsonBodyAsync(HttpStatusCode.Created);
        var b = await (await PostAsync(staff, "key-b", QuoteRequests.Quote(("EXT-TEST-9", 1m)))).JsonBodyAsync(HttpStatusCode.Created);
        var c = await staff.IssueAsync(("EXT-TEST-9", 1m));
        var d = await staff.IssueAsync(("EXT-TEST-9", 1m));

        Assert.Equal(4, new[] { a, b, c, d }.Select(q => q.Text("number")).Distinct().Count());
    }

    [Fact]
    public async Task SameKeyFromAnotherApiKeyIsAnotherQuote()
    {
        await using var app = new PricingApiFactory();

        var a = await (await PostAsync(app.CreateClient("staff", "Counter 1"), "shared", QuoteRequests.Quote(("EXT-TEST-9", 1m)))).JsonBodyAsync(HttpStatusCode.Created);
        var b = await (await PostAsync(app.CreateClient("staff", "Counter 2"), "shared", QuoteRequests.Quote(("EXT-TEST-9", 1m)))).JsonBodyAsync(HttpStatusCode.Created);

        Assert.NotEqual(a.Text("number"), b.Text("number"));
    }

    [Fact]
    public async Task SameKeyWithADifferentRequestIsRefusedWith422()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        await (await PostAsync(staff, "reused", QuoteRequests.Quote(("EXT-TEST-9", 1m)))).JsonBodyAsync(HttpStatusCode.Created);

        var response = await PostAsync(staff, "reused", QuoteRequests.Quote(("EXT-TEST-9", 3m)));

        var detail = (await response.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail");
        Assert.Equal("This Idempotency-Key was already used for quote Q-2026-000001, with a different request. Use a new key for a new quote.", detail);
        Assert.Equal(1, await CountAsync(staff));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("长")]
    public async Task MalformedIdempotencyKeyIsRefusedWith400(string key)
    {
        await using var app = new PricingApiFactory();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/quotes") { Content = JsonContent(QuoteRequests.Quote(("EXT-TEST-9", 1m))) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await app.CreateClient("staff").SendAsync(request);

        Assert.Contains("visible ASCII", (await response.ValidationErrorsAsync("Idempotency-Key"))[0]);
    }

    [Fact]
    public async Task OverLongIdempotencyKeyIsRefusedWith400()
    {
        await using var app = new PricingApiFactory();

        var response = await PostAsync(app.CreateClient("staff"), new string('k', 129), QuoteRequests.Quote(("EXT-TEST-9", 1m)));

        Assert.NotEmpty(await response.ValidationErrorsAsync("Idempotency-Key"));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/quotes") { Content = JsonContent(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static HttpContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body, options: HttpAssertions.Json);

    private static async Task<int> CountAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/quotes")).JsonBodyAsync())["totalCount"]!.GetValue<int>();
}
