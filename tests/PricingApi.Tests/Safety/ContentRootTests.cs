using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Safety;

public class ContentRootTests
{
    /// <summary>
    /// Started as <c>dotnet /app/PricingApi.dll</c> from another folder, the service still reads its appsettings.json:
    /// shown by its log levels (EF Core at Warning, so no SQL text; hosting diagnostics off, so no "Request starting").
    /// </summary>
    [Fact]
    public async Task StartedFromAnotherFolderTheServiceReadsItsOwnAppSettings()
    {
        var elsewhere = Directory.CreateTempSubdirectory("pricingapi-cwd-").FullName;
        await using var service = await ServiceProcess.StartAsync(Path.Combine(elsewhere, "pricing.db"), workingDirectory: elsewhere);

        var response = await service.Client.GetAsync("/api/fee-list/versions?publishedAfter=2020-01-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"version\":1", await response.Content.ReadAsStringAsync());
        await Task.Delay(500); // the console logger writes on its own thread

        var lines = service.Output.ToArray();
        Assert.DoesNotContain(lines, l => l.Contains("Executed DbCommand", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("SELECT", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, l => l.Contains("Request starting", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("publishedAfter", StringComparison.Ordinal));
    }
}
