using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace PricingApi.Tests.Infrastructure;

/// <summary>
/// The real service as a separate process (dotnet PricingApi.dll) on a loopback port, for what an in-process
/// host cannot show: its console logs, SIGTERM and SIGKILL. Output lines are collected for assertions.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    /// <summary>The port the service listens on: one the OS chose when it bound port 0, read from its start-up log.</summary>
    public int Port { get; private set; }
    public ConcurrentQueue<string> Output { get; } = new();
    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    private ServiceProcess(Process process) => _process = process;

    /// <summary>Starts the service on <paramref name="databasePath"/> (created and seeded if new) and waits until /healthz answers.</summary>
    /// <param name="workingDirectory">Where it is started from; by default the app's own directory, as in the container.</param>
    public static async Task<ServiceProcess> StartAsync(string databasePath, IDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var appDll = Path.Combine(AppContext.BaseDirectory, "PricingApi.dll");
        var start = new ProcessStartInfo("dotnet", [appDll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Pricing"] = $"Data Source={databasePath}";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) service.Output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) service.Output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        return service;
    }

    /// <summary>Waits until the service has printed a line that <paramref name="matches"/>, and returns it.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> matches, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Output.FirstOrDefault(matches) is { } line)
            {
                return line;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The service printed no such line:\n{string.Join('\n', Output)}");
            }

            await Task.Delay(20);
        }
    }

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>SIGTERM: what an orchestrator sends to stop a container.</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>SIGKILL: the process dies at once, mid-write if it was writing.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public Task WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(new CancellationTokenSource(timeout).Token);

    private void Signal(string signal) => Process.Start("kill", [$"-{signal}", _process.Id.ToString()])!.WaitForExit();

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode}:\n{string.Join('\n', Output)}");
            }

            if (Client.BaseAddress is null)
            {
                if (Output.Select(l => Listening.Match(l)).FirstOrDefault(m => m.Success) is not { } listening)
                {
                    await Task.Delay(20);
                    continue;
                }

                Port = int.Parse(listening.Groups["port"].Value);
                Client.BaseAddress = new Uri($"http://127.0.0.1:{Port}");
            }

            try
            {
                if ((await Client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The service did not become healthy:\n{string.Join('\n', Output)}");
    }

    /// <summary>Kestrel's start-up line, "Now listening on: http://127.0.0.1:41234", as text or inside a JSON log line.</summary>
    private static readonly Regex Listening = new(@"Now listening on: http://127\.0\.0\.1:(?<port>\d+)", RegexOptions.Compiled);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
