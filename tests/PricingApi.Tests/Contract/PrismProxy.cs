using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PricingApi.Tests.Contract;

/// <summary>
/// <c>prism proxy</c> on a loopback port in front of a running service. Without <c>--errors</c> it forwards every
/// request, even one that breaks the document, so the service's answer to a bad request is validated too; it names
/// what breaks the document, in the request or in the response, in an sl-violations header (JSON). Its own answers
/// (when it cannot forward), unlike the service's, carry no X-Request-Id.
/// </summary>
public sealed class PrismProxy : IAsyncDisposable
{
    private readonly Process _process;

    public Uri Address { get; }
    public ConcurrentQueue<string> Output { get; } = new();

    private PrismProxy(Process process, Uri address) => (_process, Address) = (process, address);

    public static async Task<PrismProxy> StartAsync(string documentPath, Uri upstream)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(ContractTools.Prism,
            ["proxy", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), documentPath, upstream.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        var proxy = new PrismProxy(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) proxy.Output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) proxy.Output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!proxy.Output.Any(l => l.Contains("Prism is listening", StringComparison.Ordinal)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await proxy.DisposeAsync();
                throw new InvalidOperationException($"Prism did not start:\n{string.Join('\n', proxy.Output)}");
            }

            await Task.Delay(50);
        }

        return proxy;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
