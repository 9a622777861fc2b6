using System.Threading.Channels;

namespace PricingApi.Quotes;

/// <summary>
/// Group commit for quotes. Requests hand their priced quote to this process's single writer loop, which takes
/// every quote waiting at that moment (up to <see cref="MaxBatch"/>) and saves them in one transaction: at 32
/// busy counters that is one turn at the database's write lock per batch instead of per quote. Numbering stays
/// the database's job (the counter row), so several instances on one database remain correct.
/// </summary>
public sealed class QuoteWriter : IAsyncDisposable
{
    private const int MaxBatch = 64;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<QuoteWriter> _logger;
    private readonly Task _loop;

    private sealed record Pending(Quote Quote, string Series, int Year, TaskCompletionSource<QuoteIssuer.Outcome> Done);

    public QuoteWriter(IServiceScopeFactory scopes, ILogger<QuoteWriter> logger)
    {
        _scopes = scopes;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues the quote and waits for its outcome. A quote once queued is saved even if the caller stops waiting.</summary>
    public async Task<QuoteIssuer.Outcome> IssueAsync(Quote quote, string series, int year, CancellationToken ct)
    {
        var pending = new Pending(quote, series, year, new TaskCompletionSource<QuoteIssuer.Outcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The service is stopping and takes no new quotes.");
        }

        return await pending.Done.Task.WaitAsync(ct);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await WriteAsync(batch);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Saving a batch of {Count} quotes failed.", batch.Count);
                batch.ForEach(p => p.Done.TrySetException(e));
            }
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var issuer = scope.ServiceProvider.GetRequiredService<QuoteIssuer>();
            if (await issuer.TryIssueBatchAsync(batch.Select(p => (p.Quote, p.Series, p.Year)).ToList(), CancellationToken.None))
            {
                batch.ForEach(p => p.Done.TrySetResult(new QuoteIssuer.Outcome.Issued(p.Quote)));
                return;
            }
        }

        // Something in the batch conflicted: issue each on its own, so only that one is answered as a replay or a conflict.
        foreach (var pending in batch)
        {
            await using var scope = _scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<QuoteIssuer>().IssueAsync(pending.Quote, pending.Series, pending.Year, CancellationToken.None);
            pending.Done.TrySetResult(outcome);
        }
    }

    /// <summary>On shutdown: take no new quotes, and finish saving the ones already queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
