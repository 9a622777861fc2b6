using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PricingApi.Data;

namespace PricingApi.Quotes;

/// <summary>
/// Gives a new quote its number and saves it, in one transaction: the year's counter row is incremented first
/// (which locks it until commit, on SQLite and PostgreSQL alike), then the quote is inserted. Two writers (threads or
/// instances) therefore never draw the same number, and a quote that fails to save takes no number with it.
/// No in-process lock is involved, so this holds with several instances on one database.
/// </summary>
public sealed class QuoteIssuer(PricingDbContext db, WriteGate gate)
{
    private const int Attempts = 5;

    /// <summary>What issuing came to: the new quote, the first quote of a retried Idempotency-Key, or a lost race.</summary>
    public abstract record Outcome
    {
        public sealed record Issued(Quote Quote) : Outcome;
        public sealed record AlreadyIssued(Quote Quote) : Outcome;
        public sealed record Conflicted : Outcome;
    }

    public async Task<Outcome> IssueAsync(Quote quote, string series, int year, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            // A batch of one. It fails when another writer created this year's counter row first, or this key's
            // Idempotency-Key is already taken: then retry, or answer with the first quote.
            if (await TryIssueBatchAsync([(quote, series, year)], ct))
            {
                return new Outcome.Issued(quote);
            }

            if (quote.IdempotencyKey is { } key && await FindAsync(quote.CreatedByKeyId, key, ct) is { } first)
            {
                return new Outcome.AlreadyIssued(first);
            }
        }

        return new Outcome.Conflicted();
    }

    /// <summary>
    /// Numbers and saves several quotes, and records several completions, in one transaction (one turn at the write lock,
    /// one commit), drawing a block of numbers from each provider's counter of each year. A completion moves its quote
    /// from accepted to completed only if it is still accepted and unexpired at the charge time, and inserts the charge.
    /// False, with nothing saved, when any of them conflicts (a reused Idempotency-Key, another writer creating the
    /// counter row, a quote cancelled, expired or charged meanwhile): the caller then writes them one by one.
    /// </summary>
    public async Task<bool> TryIssueBatchAsync(
        IReadOnlyList<(Quote Quote, string Series, int Year)> batch, CancellationToken ct, IReadOnlyList<Charge>? charges = null)
    {
        charges ??= [];
        using (await gate.EnterAsync(ct))
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                foreach (var counter in batch.GroupBy(b => (b.Series, b.Year)))
                {
                    var last = await NextSequenceAsync(counter.Key.Series, counter.Key.Year, counter.Count(), ct);
                    var number = last - counter.Count();
                    foreach (var (quote, _, _) in counter)
                    {
                        quote.Number = QuoteRules.Number(counter.Key.Series, counter.Key.Year, ++number);
                    }
                }

                await db.SaveChangesAsync(ct); // a series' new counter row, if any
                await InsertAsync(batch.Select(b => b.Quote).ToList(), charges, ct);
                if (!await MarkCompletedAsync(charges, ct))
                {
                    await transaction.RollbackAsync(ct);
                    Forget(batch, charges);
                    return false;
                }

                await transaction.CommitAsync(ct);
                return true;
            }
            catch (Exception e) when (e is DbUpdateException update && DbContextExtensions.IsConflict(update)
                                      || e is DbException row && DbContextExtensions.IsConflict(row))
            {
                await transaction.RollbackAsync(ct);
                Forget(batch, charges);
                return false;
            }
        }
    }

    /// <summary>
    /// The batch's new rows, parents first so each child carries its parent's generated key. Not through SaveChanges:
    /// that compiles one INSERT per row on SQLite, where these compile once per batch (<see cref="RowStatements"/>).
    /// </summary>
    private async Task InsertAsync(List<Quote> quotes, IReadOnlyList<Charge> charges, CancellationToken ct)
    {
        await db.InsertAsync(quotes, static (quote, id) =>
        {
            quote.Id = id;
            quote.Lines.ForEach(line => line.QuoteId = id);
        }, ct);
        await db.InsertAsync(quotes.SelectMany(q => q.Lines).ToList(), static (line, id) => line.Id = id, ct);
        await db.InsertAsync(charges, static (charge, id) =>
        {
            charge.Id = id;
            charge.Lines.ForEach(line => line.ChargeId = id);
        }, ct);
        await db.InsertAsync(charges.SelectMany(c => c.Lines).ToList(), static (line, id) => line.Id = id, ct);
    }

    /// <summary>
    /// One conditional statement for each of the batch's completions, run after their charges are inserted, so of two
    /// completions (or a completion and a cancellation) exactly one wins: each quote moves from accepted to completed, at
    /// its own charge's time (to the millisecond, the time its prices were chosen at), only if it is still accepted and
    /// that time is before it expires. True only when every quote changed; otherwise the caller rolls back (the charges
    /// with it) and writes them one by one. A quote named twice in a batch fails earlier, on the one-charge-per-quote index.
    /// Not <c>ExecuteUpdate</c>: EF compiled that query again on every batch (<see cref="RowStatements"/>).
    /// </summary>
    private async Task<bool> MarkCompletedAsync(IReadOnlyList<Charge> charges, CancellationToken ct)
    {
        var statement = Completions.GetOrAdd(db.Model, CompletionStatement, db.GetService<ISqlGenerationHelper>());
        return await db.ExecuteForEachAsync(statement, charges, ct) == charges.Count;
    }

    private static readonly ConcurrentDictionary<IModel, RowStatement<Charge>> Completions = new();

    /// <summary>UPDATE Quotes SET Status = Completed, CompletedAt = the charge's time WHERE Id = the charge's quote AND Status = Accepted AND that time is before ValidUntil.</summary>
    private static RowStatement<Charge> CompletionStatement(IModel model, ISqlGenerationHelper sql)
    {
        var quotes = model.FindEntityType(typeof(Quote))!;
        var (id, status, completedAt, validUntil) = (quotes.FindProperty(nameof(Quote.Id))!, quotes.FindProperty(nameof(Quote.Status))!,
            quotes.FindProperty(nameof(Quote.CompletedAt))!, quotes.FindProperty(nameof(Quote.ValidUntil))!);
        string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName());
        string Value(string name) => sql.GenerateParameterNamePlaceholder(name);
        return new RowStatement<Charge>(
            $"UPDATE {sql.DelimitIdentifier(quotes.GetTableName()!, quotes.GetSchema())} SET {Column(status)} = {Value("completed")}, {Column(completedAt)} = {Value("at")} "
            + $"WHERE {Column(id)} = {Value("quote")} AND {Column(status)} = {Value("accepted")} AND {Value("at")} < {Column(validUntil)}",
            [
                new("completed", status, _ => QuoteStatus.Completed), new("at", completedAt, c => c.ChargedAt),
                new("quote", id, c => c.QuoteId), new("accepted", status, _ => QuoteStatus.Accepted),
            ],
            sql);
    }

    private void Forget(IReadOnlyList<(Quote Quote, string Series, int Year)> batch, IReadOnlyList<Charge> charges)
    {
        db.ChangeTracker.Clear();
        foreach (var (quote, _, _) in batch)
        {
            Forget(quote);
        }

        foreach (var charge in charges)
        {
            charge.Id = 0;
            foreach (var line in charge.Lines)
            {
                line.Id = 0;
                line.ChargeId = 0;
            }
        }
    }

    /// <summary>The quote a key already issued under an Idempotency-Key, with its lines.</summary>
    public Task<Quote?> FindAsync(string keyId, string idempotencyKey, CancellationToken ct) =>
        db.Quotes.AsNoTracking().Include(q => q.Lines)
            .FirstOrDefaultAsync(q => q.CreatedByKeyId == keyId && q.IdempotencyKey == idempotencyKey, ct);

    /// <summary>Advances a series' counter of the year by <paramref name="count"/> (creating it) inside the current transaction; returns the new last number.</summary>
    private async Task<int> NextSequenceAsync(string series, int year, int count, CancellationToken ct)
    {
        var bumped = await db.QuoteNumberSequences.Where(s => s.Series == series && s.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + count), ct);
        if (bumped == 0)
        {
            // The series' first quote of the year: the primary key on (Series, Year) makes a second writer doing the same fail and retry.
            db.QuoteNumberSequences.Add(new QuoteNumberSequence { Series = series, Year = year, Last = count });
            return count;
        }

        return await db.QuoteNumberSequences.Where(s => s.Series == series && s.Year == year).Select(s => s.Last).SingleAsync(ct);
    }

    /// <summary>Detaches everything from the failed attempt so the next one inserts afresh.</summary>
    private static void Forget(Quote quote)
    {
        quote.Id = 0;
        foreach (var line in quote.Lines)
        {
            line.Id = 0;
            line.QuoteId = 0;
        }
    }
}
