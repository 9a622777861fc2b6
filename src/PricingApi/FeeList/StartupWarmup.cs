using PricingApi.Utility;

namespace PricingApi.FeeList;

/// <summary>
/// Work every instance would otherwise do on its first requests, done at start beside Kestrel's own start-up: reading
/// the versions and the list in effect (so the first fee-list GET is answered from memory by
/// <see cref="FeeListFastPath"/>) and building the route table (which compiles every endpoint's request delegate).
/// Nothing waits for it, and a failure only means the first requests do this work themselves, as they would anyway.
/// </summary>
public sealed class StartupWarmup(IServiceProvider services, ILogger<StartupWarmup> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _warming = Task.CompletedTask;

    /// <summary>Completes when the warm-up has finished (or failed, or was stopped).</summary>
    public Task Warmed => _warming;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _warming = Task.Run(() => WarmAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _warming.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WarmAsync(CancellationToken ct)
    {
        try
        {
            var store = services.GetRequiredService<FeeListStore>();
            if (await store.InEffectAsync(services.GetRequiredService<UtilityClock>().Now, ct) is { } inEffect)
            {
                await store.GetAsync(inEffect.Version, ct);
            }

            _ = services.GetRequiredService<EndpointDataSource>().Endpoints;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Warming up at start failed; the first requests will read what they need themselves.");
        }
        catch (OperationCanceledException)
        {
            // Stopped while starting: nothing to finish.
        }
    }
}
