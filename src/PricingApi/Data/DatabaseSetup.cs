using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PricingApi.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public const string ConnectionName = "Pricing";
    public const string DefaultSqlite = "Data Source=pricing.db";

    /// <summary>
    /// The database is chosen by <c>Database:Provider</c> (<c>sqlite</c>, the default, or <c>postgres</c>) and
    /// <c>ConnectionStrings:Pricing</c>; with no connection string, a SQLite file in the working directory.
    /// Both are read when the first context is built, so hosts and tests may add configuration after registration.
    /// </summary>
    public static IServiceCollection AddPricingDatabase(this IServiceCollection services)
    {
        // Pooled: the options are built once and contexts are reused, instead of EF rebuilding both on every
        // request, which profiling showed as the largest cost of an authenticated request.
        services.AddDbContextPool<SqlitePricingDbContext>((sp, options) =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            options.UseSqlite(ConnectionString(configuration)).AddInterceptors(SqlitePragmas.From(configuration)).ConfigureWarnings(ExpectedFailuresQuiet);
        });
        services.AddDbContextPool<PostgresPricingDbContext>((sp, options) =>
            options.UseNpgsql(ConnectionString(sp.GetRequiredService<IConfiguration>())).ConfigureWarnings(ExpectedFailuresQuiet));
        services.AddScoped<PricingDbContext>(sp => Provider(sp.GetRequiredService<IConfiguration>()) == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresPricingDbContext>()
            : sp.GetRequiredService<SqlitePricingDbContext>());
        return services;
    }

    /// <summary>
    /// A failed save is expected when two requests create the same thing at once: the loser's unique-key conflict is
    /// caught and answered (409, or a retry). EF logs every failed command and save as an error with a stack trace
    /// first; at Debug it does not, and a failure nobody catches is still logged, once, by the exception handler.
    /// </summary>
    private static void ExpectedFailuresQuiet(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings) =>
        warnings.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug));

    public static DatabaseProvider Provider(IConfiguration configuration) =>
        configuration["Database:Provider"]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            var other => throw new InvalidOperationException($"Database:Provider '{other}' is not known; use 'sqlite' or 'postgres'."),
        };

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionName) is { Length: > 0 } configured
            ? configured
            : Provider(configuration) == DatabaseProvider.Sqlite
                ? DefaultSqlite
                : throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Pricing is empty.");

    /// <summary>Applies committed migrations; then, for SQLite, turns on WAL (a setting the file keeps).</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        if (db.Database.IsSqlite())
        {
            EnsureSqliteDirectory(db.Database.GetConnectionString());
        }

        if (!await HasEveryMigrationAsync(db, ct))
        {
            await db.Database.MigrateAsync(ct);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>
    /// True when the history table lists every migration of this build, read with one plain query. EF's Migrate
    /// would also build the design-time model to look for changes that lack a migration: 0.4 s of every start, for
    /// a check that belongs in the tests (ModelTests). With anything to apply, Migrate runs as usual, under
    /// its lock, and checks again.
    /// </summary>
    private static async Task<bool> HasEveryMigrationAsync(PricingDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
            var applied = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetString(0));
                }
            }
            catch (DbException)
            {
                return false; // no history table: a new database
            }

            return db.Database.GetMigrations().All(applied.Contains);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void EnsureSqliteDirectory(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
