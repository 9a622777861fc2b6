namespace PricingApi.Operations;

/// <summary>
/// <c>healthcheck</c>: asks this machine's running service for /healthz and exits 0 or 1. The container's
/// HEALTHCHECK uses it because the ASP.NET runtime image has no curl.
/// </summary>
public static class HealthCheckCommand
{
    public static bool IsHealthCheckCommand(string[] args) => args is ["healthcheck", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        var port = args.ElementAtOrDefault(1) ?? Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(';', ',')[0] ?? "8080";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync($"http://127.0.0.1:{port}/healthz");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"healthcheck: {e.Message}");
            return 1;
        }
    }
}
