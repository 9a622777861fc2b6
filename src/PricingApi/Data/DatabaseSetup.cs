using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PricingApi.Data;

public static class DatabaseSetup
{
    public const string ConnectionName = "Pricing";
    public const string DefaultSqlite = "Data Source=pricing.db";

    /// <summary>
    /// The database is chosen by <c>ConnectionStrings:Pricing</c>; with none set, a SQLite file in the working
    /// directory. SQLite runs in WAL mode so readers never wait for a writer.
    /// </summary>
    public static IServiceCollection AddPricingDatabase(this IServiceCollection services)
    {
        // Read the connection string when the first context is built, not now: hosts and tests may add configuration later.
        services.AddDbContext<PricingDbContext>((sp, options) =>
            options.UseSqlite(ConnectionString(sp.GetRequiredService<IConfiguration>())));
        return services;
    }

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionName) is { Length: > 0 } configured ? configured : DefaultSqlite;

    /// <summary>Applies committed migrations; then, for SQLite, turns on WAL (a setting the file keeps).</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        if (db.Database.IsSqlite())
        {
            EnsureSqliteDirectory(db.Database.GetConnectionString());
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    private static void EnsureSqliteDirectory(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory) && dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
