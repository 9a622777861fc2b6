using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PricingApi.Operations;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Safety;

/// <summary>OpenTelemetry is opt-in: nothing without an endpoint, OTLP exports with one.</summary>
public class TelemetryExportTests
{
    [Fact]
    public async Task WithoutAnEndpointNoExporterIsSetUp()
    {
        await using var app = new PricingApiFactory();
        Assert.Equal(HttpStatusCode.OK, (await app.CreateAnonymousClient().GetAsync("/healthz")).StatusCode);
        Assert.False(app.Services.GetRequiredService<TelemetryExport>().Exporting);
    }

    [Fact]
    public async Task WithAnOtlpHttpEndpointARequestIsExportedAsTracesAndMetrics()
    {
        var received = new ConcurrentQueue<string>();
        var collector = WebApplication.CreateSlimBuilder();
        collector.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await using var listener = collector.Build();
        listener.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue($"{context.Request.Method} {context.Request.Path} {context.Request.ContentType} {body.Length}");
            context.Response.ContentType = "application/x-protobuf";
        });
        await listener.StartAsync();
        var address = listener.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

        var app = new PricingApiFactory(settings: new Dictionary<string, string?>
        {
            [TelemetryExport.EndpointSetting] = address,
            [TelemetryExport.ProtocolSetting] = "http/protobuf",
        });
        Assert.Equal(HttpStatusCode.OK, (await app.CreateAnonymousClient().GetAsync("/api/fee-list")).StatusCode);
        Assert.True(app.Services.GetRequiredService<TelemetryExport>().Exporting);

        // The exporters send in batches on their own schedule (and stopping flushes what is left, within a timeout a
        // busy machine can exceed): wait for both kinds while the service runs, then stop it.
        bool Exported(string kind) => received.Any(r => r.StartsWith($"POST /v1/{kind} application/x-protobuf", StringComparison.Ordinal) && !r.EndsWith(" 0", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(Exported("traces") && Exported("metrics")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await app.DisposeAsync();
        var all = string.Join('\n', received);
        Assert.True(Exported("traces"), all);
        Assert.True(Exported("metrics"), all);
        await listener.StopAsync();
        Assert.True(received.Count >= 2, all);
    }
}
