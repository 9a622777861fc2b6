using Npgsql;

namespace PricingApi.Tests.Infrastructure;

/// <summary>Which database server the suite runs against, and throw-away databases on it.</summary>
public static class TestDatabases
{
    public const string PostgresVariable = "PRICINGAPI_TEST_POSTGRES";

    /// <summary>A PostgreSQL server's connection string (no database), e.g. "Host=127.0.0.1;Port=55432;Username=postgres"; null for SQLite.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool OnPostgres => PostgresServer is not null;

    public static string PostgresConnectionString(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    public static string CreatePostgresDatabase(string server)
    {
        var name = NewPostgresDatabaseName();
        CreatePostgresDatabase(server, name);
        return name;
    }

    public static string NewPostgresDatabaseName() => $"pricingapi_test_{Guid.NewGuid():N}";

    /// <summary>Creates an empty database, or a copy of <paramref name="template"/> (which must have no connections).</summary>
    public static void CreatePostgresDatabase(string server, string name, string? template = null) =>
        Execute(server, template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");

    public static void DropPostgresDatabase(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(PostgresConnectionString(server, "postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
