using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PricingApi.Data;

/// <summary>
/// Sets <c>PRAGMA synchronous</c> on every SQLite connection (it is per connection, unlike WAL mode).
/// NORMAL, the default here, is SQLite's recommendation for WAL: a commit survives the process being killed,
/// and only a power cut or operating-system crash can lose the last commits (the file stays consistent). FULL
/// also survives those, at one fsync per commit, which caps quote creation at a few hundred per second.
/// Also <c>PRAGMA cache_size</c>, SQLite's page cache, which is per connection too: at its default of 2 MB, the 30-odd
/// pooled connections that concurrent reads (acceptance, completion) leave open held their own copies of the same pages.
/// </summary>
public sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
{
    public static readonly string[] Allowed = ["NORMAL", "FULL"];

    /// <summary>Each connection's page cache, in KiB: the upper levels of the indexes a request touches; the operating system caches the file.</summary>
    public const int CacheKiB = 512;

    private readonly string _pragma = $"PRAGMA synchronous={synchronous}; PRAGMA cache_size=-{CacheKiB};";

    // The native connections already set. EF opens and closes a connection around every query, but Microsoft.Data.Sqlite
    // pools the native connection underneath, and the pragma stays set on it: setting it again on every open was a
    // second statement for every read (a quote's acceptance and completion each read it once).
    private readonly ConditionalWeakTable<object, object> _set = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Unset(connection) is { } handle)
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragma;
            command.ExecuteNonQuery();
            _set.AddOrUpdate(handle, handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Unset(connection) is { } handle)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _set.AddOrUpdate(handle, handle);
        }
    }

    /// <summary>The native connection under <paramref name="connection"/> if the pragma is not set on it yet, else null.</summary>
    private object? Unset(DbConnection connection)
    {
        object handle = ((SqliteConnection)connection).Handle!;
        return _set.TryGetValue(handle, out _) ? null : handle;
    }

    public static SqlitePragmas From(IConfiguration configuration)
    {
        var value = (configuration["Database:SqliteSynchronous"] ?? "NORMAL").Trim().ToUpperInvariant();
        return Allowed.Contains(value)
            ? new SqlitePragmas(value)
            : throw new InvalidOperationException($"Database:SqliteSynchronous '{value}' is not known; use NORMAL or FULL.");
    }
}
