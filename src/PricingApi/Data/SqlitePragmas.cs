using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PricingApi.Data;

/// <summary>
/// Sets <c>PRAGMA synchronous</c> on every SQLite connection (it is per connection, unlike WAL mode).
/// NORMAL, the default here, is SQLite's recommendation for WAL: a commit survives the process being killed,
/// and only a power cut or operating-system crash can lose the last commits (the file stays consistent). FULL
/// also survives those, at one fsync per commit, which caps quote creation at a few hundred per second.
/// </summary>
public sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
{
    public static readonly string[] Allowed = ["NORMAL", "FULL"];

    private readonly string _pragma = $"PRAGMA synchronous={synchronous};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }

    public static SqlitePragmas From(IConfiguration configuration)
    {
        var value = (configuration["Database:SqliteSynchronous"] ?? "NORMAL").Trim().ToUpperInvariant();
        return Allowed.Contains(value)
            ? new SqlitePragmas(value)
            : throw new InvalidOperationException($"Database:SqliteSynchronous '{value}' is not known; use NORMAL or FULL.");
    }
}
