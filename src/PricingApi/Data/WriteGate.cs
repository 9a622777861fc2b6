namespace PricingApi.Data;

/// <summary>
/// Queues this process's write transactions on SQLite, which has one write lock per database file. Waiting here
/// (asynchronously, in order) replaces the provider's busy-retry sleeps, which at 32 concurrent clerks made a quote
/// take most of a second. Correctness never rests on it: numbers and versions stay guarded by the database's keys
/// and transactions, so other processes on the same file are still safe. On PostgreSQL it does nothing.
/// </summary>
public sealed class WriteGate(IConfiguration configuration) : IDisposable
{
    private readonly SemaphoreSlim? _gate = DatabaseSetup.Provider(configuration) == DatabaseProvider.Sqlite ? new(1, 1) : null;

    public async ValueTask<Lease> EnterAsync(CancellationToken ct)
    {
        if (_gate is not null)
        {
            await _gate.WaitAsync(ct);
        }

        return new Lease(_gate);
    }

    public void Dispose() => _gate?.Dispose();

    public readonly struct Lease(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
