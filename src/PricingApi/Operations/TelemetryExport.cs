using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PricingApi.Operations;

/// <summary>
/// Opt-in OpenTelemetry: traces and metrics sent through the OTLP exporter when an endpoint is configured
/// (<c>OpenTelemetry:Otlp:Endpoint</c>, or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>); the protocol is gRPC unless
/// <c>OpenTelemetry:Otlp:Protocol</c> (or <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>) says <c>http/protobuf</c>. Traces: ASP.NET
/// Core and HttpClient. Metrics: the same two, the .NET runtime's, and the service's own (<see cref="PricingMetrics"/>).
/// Without an endpoint nothing is created: no listener, so no Activity per request and the counters stay unobserved.
/// The providers are built when the host starts, from the configuration as finally composed, and flushed when it stops.
/// </summary>
public sealed class TelemetryExport(IConfiguration configuration, ILogger<TelemetryExport> logger) : IHostedService, IDisposable
{
    public const string EndpointSetting = "OpenTelemetry:Otlp:Endpoint";
    public const string ProtocolSetting = "OpenTelemetry:Otlp:Protocol";

    private TracerProvider? _traces;
    private MeterProvider? _metrics;

    /// <summary>Whether an exporter was set up (false when no endpoint is configured).</summary>
    public bool Exporting => _traces is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = Setting(EndpointSetting, "OTEL_EXPORTER_OTLP_ENDPOINT");
        if (endpoint is null)
        {
            return Task.CompletedTask;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var baseUrl))
        {
            throw new InvalidOperationException($"{EndpointSetting} must be an absolute URL such as http://collector:4317; it is '{endpoint}'.");
        }

        var protocol = Setting(ProtocolSetting, "OTEL_EXPORTER_OTLP_PROTOCOL") switch
        {
            null or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"{ProtocolSetting} must be grpc or http/protobuf; it is '{other}'."),
        };
        var resource = ResourceBuilder.CreateDefault().AddService(configuration["OpenTelemetry:ServiceName"] ?? "pricing-api");
        _traces = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource)
            .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
            .AddOtlpExporter(o => Target(o, protocol, baseUrl, "v1/traces"))
            .Build();
        _metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource)
            .AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation()
            .AddMeter(PricingMetrics.MeterName)
            .AddOtlpExporter((o, reader) =>
            {
                Target(o, protocol, baseUrl, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds =
                    configuration.GetValue("OpenTelemetry:MetricExportIntervalSeconds", 60) * 1000;
            })
            .Build();
        logger.LogInformation("Exporting traces and metrics over OTLP ({Protocol}) to {Endpoint}.", protocol, baseUrl);
        return Task.CompletedTask;
    }

    /// <summary>On stop: what is buffered is sent before the process ends.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _traces?.ForceFlush(5000);
        _metrics?.ForceFlush(5000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _traces?.Dispose();
        _metrics?.Dispose();
    }

    private string? Setting(string key, string standard) =>
        new[] { configuration[key], configuration[standard] }.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    /// <summary>gRPC takes the collector's address as it is; OTLP/HTTP one path per signal under it.</summary>
    private static void Target(OtlpExporterOptions options, OtlpExportProtocol protocol, Uri baseUrl, string signalPath)
    {
        options.Protocol = protocol;
        options.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : baseUrl;
    }
}
