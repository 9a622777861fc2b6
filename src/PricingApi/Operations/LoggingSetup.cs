using Microsoft.Extensions.Logging.Console;

namespace PricingApi.Operations;

/// <summary>
/// Structured logs: one JSON object per line outside Development, with the logging scopes included, so every
/// line written while serving a request carries its RequestId, TraceId and path.
/// </summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddPricingLogging(this WebApplicationBuilder builder)
    {
        if (WritesJson(builder.Environment))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                // The JSON formatter writes the timestamp as its own property: no separator after it.
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }

        // Requests in flight get this long to finish on SIGTERM before the host stops; transactions make anything cut off roll back whole.
        builder.Services.Configure<HostOptions>(o =>
            o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Hosting:ShutdownTimeoutSeconds", 30)));
        return builder;
    }

    /// <summary>JSON lines everywhere but in Development, where people read the console.</summary>
    public static bool WritesJson(IHostEnvironment environment) => !environment.IsDevelopment();
}
