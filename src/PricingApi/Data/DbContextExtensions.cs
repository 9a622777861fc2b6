using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PricingApi.Data;

public static class DbContextExtensions
{
    /// <summary>
    /// Saves, and answers false instead of throwing when another writer got there first: a unique key
    /// already taken, or a row changed since it was read. Callers turn false into a 409. Any other failure
    /// still throws. Either way nothing is half-saved: SaveChanges is one transaction.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (IsConflict(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Serialises writers of one kind across instances for the rest of the current transaction. On PostgreSQL this is a
    /// transaction-scoped advisory lock, released by commit or rollback; several instances publishing at once then take
    /// turns instead of failing each other's unique keys until their retries run out. SQLite needs nothing here: one
    /// process owns the file and <see cref="WriteGate"/> already lets one writer in at a time.
    /// </summary>
    public static async Task LockForTransactionAsync(this DbContext db, long lockKey, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", ct);
        }
    }

    public static bool IsConflict(DbUpdateException e) =>
        e is DbUpdateConcurrencyException || e.InnerException is DbException inner && IsConflict(inner);

    /// <summary>A unique or primary key already taken, as the provider reports it to a plain command (<see cref="RowStatements"/>).</summary>
    public static bool IsConflict(DbException e) => e switch
    {
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555).
        SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } => true,
        // PostgreSQL unique_violation.
        { SqlState: "23505" } => true,
        _ => false,
    };
}
