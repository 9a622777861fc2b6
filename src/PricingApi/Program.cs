using PricingApi;
using PricingApi.ApiKeys;
using PricingApi.Operations;

// `healthcheck` probes a running service (for the container); `keys create|list|revoke` manage API keys
// against the configured database; anything else runs the service.
if (HealthCheckCommand.IsHealthCheckCommand(args))
{
    return await HealthCheckCommand.RunAsync(args);
}

var keysCommand = KeyCommands.IsKeysCommand(args);
// The content root is the application's folder wherever it is started from (`dotnet /app/PricingApi.dll` from
// another directory), so appsettings.json is always read. The working directory still holds the default SQLite file.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = keysCommand ? [] : args,
    ContentRootPath = AppContext.BaseDirectory,
});
if (keysCommand)
{
    // The new key must be the last line on standard output: send every log line to standard error.
    builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}
else
{
    builder.AddPricingLogging();
}

builder.AddPricingApi();
var app = builder.Build();
await app.Services.InitialiseDatabaseAsync(seed: !keysCommand);

if (keysCommand)
{
    return await KeyCommands.RunAsync(args, app.Services, Console.Out, Console.Error);
}

app.UsePricingApi();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
