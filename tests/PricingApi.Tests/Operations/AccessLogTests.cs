using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PricingApi.Operations;

namespace PricingApi.Tests.Operations;

/// <summary>The access log's writer: the lines it writes, in JSON and as text, and nothing when its category is off.</summary>
public class AccessLogTests
{
    private static HttpContext Request(string method, string path, string query, int status, string client)
    {
        var context = new DefaultHttpContext { TraceIdentifier = "0HTEST:00000001" };
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        context.Response.StatusCode = status;
        context.Connection.RemoteIpAddress = IPAddress.Parse(client);
        return context;
    }

    private static Task<string[]> WriteAsync(bool json, LogLevel level, params HttpContext[] requests) => WriteAsync(json, level, 1, requests);

    private static async Task<string[]> WriteAsync(bool json, LogLevel level, int sampleOneIn, params HttpContext[] requests)
    {
        using var output = new MemoryStream();
        using var log = new AccessLog(new LevelLogger(level), output, json, sampleOneIn);
        await log.StartAsync(CancellationToken.None);
        var started = System.Diagnostics.Stopwatch.GetTimestamp() - System.Diagnostics.Stopwatch.Frequency / 500; // 2 ms ago
        foreach (var request in requests)
        {
            log.Write(request, started);
        }

        await log.StopAsync(CancellationToken.None); // writes what is queued
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task EachRequestIsOneJsonLineWithMethodPathStatusDurationClientAndRequestIdButNoQuery()
    {
        var lines = await WriteAsync(json: true, LogLevel.Information,
            Request("GET", "/api/quotes", "?customer=张三&key=secret", 401, "203.0.113.9"),
            Request("HEAD", "/fees", "", 200, "::1"));

        Assert.Equal(2, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("PricingApi.Requests", first.GetProperty("Category").GetString());
        Assert.Equal("Information", first.GetProperty("LogLevel").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", first.GetProperty("Timestamp").GetString());
        var state = first.GetProperty("State");
        Assert.Equal("GET", state.GetProperty("Method").GetString());
        Assert.Equal("/api/quotes", state.GetProperty("Path").GetString());
        Assert.Equal(401, state.GetProperty("Status").GetInt32());
        Assert.Equal("203.0.113.9", state.GetProperty("Client").GetString());
        Assert.Equal("0HTEST:00000001", state.GetProperty("RequestId").GetString());
        var duration = decimal.Parse(state.GetProperty("DurationMs").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(duration, 2m, 10_000m);
        Assert.StartsWith("GET /api/quotes 401 ", first.GetProperty("Message").GetString());
        Assert.DoesNotContain("customer", string.Join("\n", lines));
        Assert.DoesNotContain("secret", string.Join("\n", lines));
        Assert.Equal("::1", JsonDocument.Parse(lines[1]).RootElement.GetProperty("State").GetProperty("Client").GetString());
    }

    [Fact]
    public async Task InDevelopmentTheLineIsTextWithControlCharactersReplaced()
    {
        var lines = await WriteAsync(json: false, LogLevel.Information, Request("GET", "/fees/1\nforged line", "", 404, "127.0.0.1"));

        var line = Assert.Single(lines);
        Assert.Matches(@"^info: PricingApi\.Requests\[1\] GET /fees/1\?forged line 404 \d+\.\d{3} ms 127\.0\.0\.1 0HTEST:00000001$", line);
    }

    [Fact]
    public async Task NothingIsWrittenWhenTheCategoryIsOff()
    {
        var lines = await WriteAsync(json: true, LogLevel.Warning, Request("GET", "/api/fee-list", "", 200, "127.0.0.1"));

        Assert.Empty(lines);
    }

    [Fact]
    public async Task ManyLinesAreWrittenWholeInBatches()
    {
        var requests = Enumerable.Range(0, 500).Select(i => Request("GET", $"/api/fee-list/versions/{i}", "", 200, "127.0.0.1")).ToArray();

        var lines = await WriteAsync(json: true, LogLevel.Information, requests);

        Assert.Equal(500, lines.Length);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"/api/fee-list/versions/{i}"),
            lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("State").GetProperty("Path").GetString()));
    }

    [Fact]
    public async Task ThePublicFeeListsSuccessfulAnswersAreLoggedOneInNEveryOtherRequestAndEveryRefusalInFull()
    {
        HttpContext FeeList(int status)
        {
            var context = Request("GET", "/api/fee-list", "", status, "127.0.0.1");
            context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(SampledInAccessLog.Instance), "GetFeeList"));
            return context;
        }

        var requests = Enumerable.Range(0, 250).Select(i => FeeList(i % 2 == 0 ? 200 : 304))
            .Append(FeeList(400)).Append(FeeList(500))
            .Append(Request("GET", "/api/fee-list/versions/1", "", 200, "127.0.0.1")) // not marked: every answer
            .ToArray();

        var lines = (await WriteAsync(json: true, LogLevel.Information, 100, requests)).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        var sampled = lines.Where(l => l.GetProperty("State").TryGetProperty("SampledOneIn", out _)).ToList();
        Assert.Equal(2, sampled.Count); // 250 successful answers: the 100th and the 200th
        Assert.All(sampled, l => Assert.Equal(100, l.GetProperty("State").GetProperty("SampledOneIn").GetInt32()));
        Assert.All(sampled, l => Assert.EndsWith(" (1 in 100)", l.GetProperty("Message").GetString()));
        Assert.Equal([400, 500], lines.Where(l => l.GetProperty("State").GetProperty("Path").GetString() == "/api/fee-list"
            && !l.GetProperty("State").TryGetProperty("SampledOneIn", out _)).Select(l => l.GetProperty("State").GetProperty("Status").GetInt32()));
        Assert.Single(lines, l => l.GetProperty("State").GetProperty("Path").GetString() == "/api/fee-list/versions/1");

        var unsampled = await WriteAsync(json: true, LogLevel.Information, 1, requests);
        Assert.Equal(requests.Length, unsampled.Length);
    }

    [Theory]
    [InlineData(0L, "0.000")]
    [InlineData(12_345L, "1.234")]
    [InlineData(123_456_789L, "12345.678")]
    public void DurationsAreMillisecondsToTheMicrosecond(long ticks, string expected) =>
        Assert.Equal(expected, AccessLog.Milliseconds(ticks, new char[64]).ToString());

    private sealed class LevelLogger(LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
