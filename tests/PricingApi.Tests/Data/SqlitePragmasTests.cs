using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PricingApi.Data;

namespace PricingApi.Tests.Data;

/// <summary>
/// PRAGMA synchronous is per native connection, and SqlitePragmas sets it once per native connection rather than on
/// every open: these tests fail if a connection handed out again by the pool, or a new one, were left at SQLite's default.
/// The page cache size (SQLite's default is 2 MB per connection) is set with it.
/// </summary>
public sealed class SqlitePragmasTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"pragmas-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData("NORMAL", 1L, "FULL")]
    [InlineData("FULL", 2L, "NORMAL")]
    public async Task EveryOpenedConnectionHasTheConfiguredSynchronousMode(string setting, long expected, string other)
    {
        var connectionString = $"Data Source={_file};Pooling=True";
        // The pooled native connection first set to the other mode (by another configuration in this process), so a
        // connection the interceptor skipped wrongly reads differently.
        await using (var db = Create(connectionString, other))
        {
            Assert.NotEqual(expected, await SynchronousAsync(db, async: true));
        }

        var options = Options(connectionString, setting);
        // Opened, closed (back to the pool) and opened again, synchronously and asynchronously.
        for (var i = 0; i < 4; i++)
        {
            await using var db = new SqlitePricingDbContext(options);
            Assert.Equal(expected, await SynchronousAsync(db, async: i % 2 == 0));
            Assert.Equal(-SqlitePragmas.CacheKiB, await PragmaAsync(db, "cache_size"));
        }

        // A native connection not seen before (the pool cleared) gets it too.
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        await using (var db = new SqlitePricingDbContext(options))
        {
            Assert.Equal(expected, await SynchronousAsync(db, async: false));
        }
    }

    private static DbContextOptions<SqlitePricingDbContext> Options(string connectionString, string synchronous) =>
        new DbContextOptionsBuilder<SqlitePricingDbContext>().UseSqlite(connectionString).AddInterceptors(new SqlitePragmas(synchronous)).Options;

    private static SqlitePricingDbContext Create(string connectionString, string synchronous) => new(Options(connectionString, synchronous));

    private static Task<long> SynchronousAsync(PricingDbContext db, bool async) => PragmaAsync(db, "synchronous", async);

    private static async Task<long> PragmaAsync(PricingDbContext db, string pragma, bool async = true)
    {
        var connection = db.Database.GetDbConnection();
        if (async)
        {
            await db.Database.OpenConnectionAsync();
        }
        else
        {
            db.Database.OpenConnection();
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma};";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose()
    {
        // This file's pool only: ClearAllPools would race with other tests opening pooled connections.
        SqliteConnection.ClearPool(new SqliteConnection($"Data Source={_file};Pooling=True"));
        File.Delete(_file);
    }
}
