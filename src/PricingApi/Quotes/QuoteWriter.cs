using System.Threading.Channels;

namespace PricingApi.Quotes;

/// <summary>
/// Group commit for quotes and completions. Requests hand their priced quote (or charge) to this process's single writer loop, which takes
/// every quote waiting at that moment (up to <see cref="MaxBatch"/>) and saves them in one transaction: at 32
/// busy counters that is one turn at the database's write lock per batch instead of per quote. Numbering stays
/// the database's job (the counter row), so several instances on one database remain correct. A hosted service: the
/// loop starts with the host and, on shutdown, after the server has let requests in flight finish, takes no new writes
/// and saves every one already queued before the process ends.
/// </summary>
public sealed class QuoteWriter : BackgroundService
{
    private const int MaxBatch = 64;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<QuoteWriter> _logger;

    private abstract record Pending
    {
        public abstract void Fail(Exception e);
    }

    private sealed record PendingQuote(Quote Quote, string Series, int Year, TaskCompletionSource<QuoteIssuer.Outcome> Done) : Pending
    {
        public override void Fail(Exception e) => Done.TrySetException(e);
    }

    private sealed record PendingCharge(Charge Charge, TaskCompletionSource<bool> Done) : Pending
    {
        public override void Fail(Exception e) => Done.TrySetException(e);
    }

    public QuoteWriter(IServiceScopeFactory scopes, ILogger<QuoteWriter> logger)
    {
        _scopes = scopes;
        _logger = logger;
    }

    /// <summary>Queues the quote and waits for its outcome. A quote once queued is saved even if the caller stops waiting.</summary>
    public async Task<QuoteIssuer.Outcome> IssueAsync(Quote quote, string series, int year, CancellationToken ct)
    {
        var pending = new PendingQuote(quote, series, year, new TaskCompletionSource<QuoteIssuer.Outcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        Enqueue(pending);
        return await pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Queues a completion (its charge, with the quote's id) and waits: true once the quote is completed and the charge
    /// saved; false when the quote was no longer accepted and unexpired at the charge time, or already charged.
    /// </summary>
    public async Task<bool> CompleteAsync(Charge charge, CancellationToken ct)
    {
        var pending = new PendingCharge(charge, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        Enqueue(pending);
        return await pending.Done.Task.WaitAsync(ct);
    }

    private void Enqueue(Pending pending)
    {
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The service is stopping and takes no new writes.");
        }
    }

    /// <summary>
    /// Runs until the queue is completed (<see cref="StopAsync"/>), not until <paramref name="stoppingToken"/>: a write
    /// once queued is saved, since its caller may already have been told it will be.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
                _logger.LogError(e, "Saving a batch of {Count} quotes and completions failed.", batch.Count);
                batch.ForEach(p => p.Fail(e));
            }
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        var quotes = batch.OfType<PendingQuote>().ToList();
        var charges = batch.OfType<PendingCharge>().ToList();
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var issuer = scope.ServiceProvider.GetRequiredService<QuoteIssuer>();
            if (await issuer.TryIssueBatchAsync(quotes.ConvertAll(p => (p.Quote, p.Series, p.Year)), CancellationToken.None, charges.ConvertAll(p => p.Charge)))
            {
                quotes.ForEach(p => p.Done.TrySetResult(new QuoteIssuer.Outcome.Issued(p.Quote)));
                charges.ForEach(p => p.Done.TrySetResult(true));
                return;
            }
        }

        // Something in the batch conflicted: write each on its own, so only that one is answered as a replay or a conflict.
        foreach (var pending in quotes)
        {
            await using var scope = _scopes.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<QuoteIssuer>().IssueAsync(pending.Quote, pending.Series, pending.Year, CancellationToken.None);
            pending.Done.TrySetResult(outcome);
        }

        foreach (var pending in charges)
        {
            await using var scope = _scopes.CreateAsyncScope();
            var saved = await scope.ServiceProvider.GetRequiredService<QuoteIssuer>().TryIssueBatchAsync([], CancellationToken.None, [pending.Charge]);
            pending.Done.TrySetResult(saved);
        }
    }

    /// <summary>On shutdown: take no new writes, and finish saving the ones already queued (within the host's shutdown timeout).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } loop)
        {
            await loop.WaitAsync(cancellationToken);
        }

        await base.StopAsync(cancellationToken);
    }
}
