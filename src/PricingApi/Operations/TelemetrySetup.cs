using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PricingApi.Operations;

/// <summary>
/// Opt-in OpenTelemetry: traces and metrics sent through the OTLP exporter to <c>OpenTelemetry:OtlpEndpoint</c>
/// (e.g. <c>http://collector:4317</c>). Without it nothing is registered, so no Activity is started per request and
/// the fee list's fast path keeps its speed. Metrics are ASP.NET Core's own and the service's (<see cref="PricingMetrics"/>).
/// </summary>
public static class TelemetrySetup
{
    public static WebApplicationBuilder AddPricingTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration["OpenTelemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        var otlp = new Uri(endpoint);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OpenTelemetry:ServiceName"] ?? "pricing-api"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = otlp))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter(PricingMetrics.MeterName).AddOtlpExporter(o => o.Endpoint = otlp));
        return builder;
    }
}
