using System.Net;
using System.Text.Json;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Operations;

/// <summary>The service as operators run it: a real process, its console, its signals.</summary>
[Trait(TestCategories.Category, TestCategories.Slow), Trait(TestCategories.Kind, TestCategories.Process)]
public class ProcessLifecycleTests
{
    [Fact]
    public async Task InProductionEveryLogLineIsJsonAndRequestLinesCarryTheRequestId()
    {
        var directory = Directory.CreateTempSubdirectory("pricingapi-process-").FullName;
        // appsettings.json keeps framework logs at Warning; turn the authentication handler's Information lines on.
        await using var service = await ServiceProcess.StartAsync(Path.Combine(directory, "pricing.db"),
            new Dictionary<string, string> { ["Logging__LogLevel__Microsoft.AspNetCore.Authentication"] = "Information" });

        var response = await service.Client.GetAsync("/api/admin/services"); // a 401, which the auth handler logs
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var requestId = response.Headers.GetValues("X-Request-Id").Single();
        // The console logger writes on its own thread: wait for the handler's line.
        await service.WaitForOutputAsync(l => l.Contains("challenged", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        var lines = service.Output.ToArray();
        Assert.NotEmpty(lines);
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList(); // throws if any line is not JSON
        var challenged = entries.First(e => e.GetProperty("Message").GetString()!.Contains("challenged"));
        var scopes = challenged.GetProperty("Scopes").EnumerateArray().ToList();
        var scope = scopes.Single(s => s.TryGetProperty("RequestId", out _));
        Assert.Equal(requestId, scope.GetProperty("RequestId").GetString());
        Assert.Equal("/api/admin/services", scope.GetProperty("RequestPath").GetString());
        Assert.Equal("GET", scope.GetProperty("RequestMethod").GetString());
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(requestId, problem.GetProperty("traceId").GetString());
        Assert.DoesNotContain(lines, l => l.Contains("pk.", StringComparison.Ordinal)); // keys are never logged
        Assert.False(response.Headers.Contains("Server")); // no server banner
    }

    [Fact]
    public async Task SigtermLetsRequestsInFlightFinishAndExitsCleanly()
    {
        var directory = Directory.CreateTempSubdirectory("pricingapi-process-").FullName;
        await using var service = await ServiceProcess.StartAsync(Path.Combine(directory, "pricing.db"));
        using var stop = new CancellationTokenSource();
        var answered = 0;
        var broken = 0;

        // Four clients read the fee list in a loop while the service is told to stop.
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var response = await service.Client.GetAsync("/api/fee-list");
                    var body = await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode == HttpStatusCode.OK && body.Length == response.Content.Headers.ContentLength)
                    {
                        Interlocked.Increment(ref answered);
                    }
                    else
                    {
                        Interlocked.Increment(ref broken);
                    }
                }
                catch (HttpRequestException)
                {
                    // Refused once the listener has closed: the request never started, so nothing was cut short.
                    await Task.Delay(10);
                }
            }
        })).ToList();

        while (Volatile.Read(ref answered) == 0)
        {
            await Task.Delay(10); // the readers are under way
        }

        service.Terminate();
        await service.WaitForExitAsync(TimeSpan.FromSeconds(30));
        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.Equal(0, service.ExitCode);
        Assert.True(answered > 0);
        Assert.Equal(0, broken);
        Assert.Contains(service.Output, l => l.Contains("Application is shutting down", StringComparison.Ordinal));
    }
}
