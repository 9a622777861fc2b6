using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PricingApi.Audit;
using PricingApi.Data;
using PricingApi.Utility;

namespace PricingApi.Quotes;

/// <summary>
/// Erases the customer's name, phone and address from quotes whose last change of state (issued, accepted, cancelled,
/// completed, or expiry) lies more than <see cref="QuotesOptions.PersonalDataRetentionDays"/> ago. Amounts, lines,
/// district and charges stay: regulators and accounts still need them, and they identify no one. Each erasure is
/// audited without the data it erased (an audit copy would defeat the erasure).
/// </summary>
public sealed class PersonalDataEraser(PricingDbContext db, AuditLog audit, WriteGate gate, UtilityClock clock, IOptions<QuotesOptions> options)
{
    private const int Batch = 200;
    private static readonly Actor Retention = new("personal-data retention", "system");

    /// <summary>Erases every quote now due, in batches; returns how many were erased.</summary>
    public async Task<int> EraseDueAsync(CancellationToken ct)
    {
        var erased = 0;
        while (true)
        {
            var count = await EraseBatchAsync(ct);
            erased += count;
            if (count < Batch)
            {
                return erased;
            }
        }
    }

    private async Task<int> EraseBatchAsync(CancellationToken ct)
    {
        var now = clock.Now;
        var days = options.Value.PersonalDataRetentionDays;
        var cutoff = now.AddDays(-days);
        using (await gate.EnterAsync(ct))
        {
            db.ChangeTracker.Clear();
            var due = await db.Quotes.Where(q => q.PersonalDataErasedAt == null && (
                    (q.Status == QuoteStatus.Completed && q.CompletedAt <= cutoff)
                    || (q.Status == QuoteStatus.Cancelled && q.CancelledAt <= cutoff)
                    || ((q.Status == QuoteStatus.Issued || q.Status == QuoteStatus.Accepted) && q.ValidUntil <= cutoff)))
                .OrderBy(q => q.Id).Take(Batch).ToListAsync(ct);
            foreach (var quote in due)
            {
                quote.Customer = quote.Customer with { Name = "", Phone = "", Address = "" };
                quote.PersonalDataErasedAt = now;
                audit.Record(Retention, AuditActions.PersonalDataErased, quote.Number, after: new
                {
                    Erased = new[] { "name", "phone", "address" },
                    LastStateChange = LastStateChange(quote),
                    RetentionDays = days,
                });
            }

            await db.SaveChangesAsync(ct);
            return due.Count;
        }
    }

    /// <summary>When the quote last changed state: its completion, cancellation, or (never completed) its expiry.</summary>
    public static DateTimeOffset LastStateChange(Quote quote) => quote.Status switch
    {
        QuoteStatus.Completed => quote.CompletedAt!.Value,
        QuoteStatus.Cancelled => quote.CancelledAt!.Value,
        _ => quote.ValidUntil,
    };
}

/// <summary>Runs the eraser every <see cref="QuotesOptions.PersonalDataSweepMinutes"/>, the first time one interval after start.</summary>
public sealed class PersonalDataRetentionJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<QuotesOptions> options, ILogger<PersonalDataRetentionJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.PersonalDataSweepMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var erased = await scope.ServiceProvider.GetRequiredService<PersonalDataEraser>().EraseDueAsync(stoppingToken);
                if (erased > 0)
                {
                    logger.LogInformation("Erased the personal data of {Count} quotes past their retention period.", erased);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed sweep is retried at the next interval; the data stays until then, which is the safe side to err on for amounts.
                logger.LogError(e, "Erasing personal data past its retention period failed.");
            }
        }
    }
}
