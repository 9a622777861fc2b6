using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PricingApi.Tests.Infrastructure;

/// <summary>
/// Databases already migrated and seeded, one per distinct start-up (settings and clock), made once per test run by
/// starting the service for real and copied for every test that starts the same way. A test still gets a database
/// of its own, in the state a first start leaves, without paying for migrating and seeding it again: that was most
/// of the suite's time (hundreds of applications, each creating every table and publishing the seed).
/// </summary>
/// <remarks>
/// A template is what the service itself made at start, never a hand-written copy, so a test sees exactly what a new
/// installation sees. Files the service creates beside a SQLite database are copied with it.
/// </remarks>
internal static class TemplateDatabases
{
    private static readonly ConcurrentDictionary<string, Lazy<Template?>> Templates = new();
    private static int _made;

    static TemplateDatabases()
    {
        if (Environment.GetEnvironmentVariable("PRICINGAPI_TEST_CPU_FILE") is { Length: > 0 } file)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => File.WriteAllText(file,
                $"cpu={System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} templates={_made}\n");
        }
    }

    /// <summary>A template made by starting the service with <paramref name="settings"/> at <paramref name="now"/>; null when such a start fails (the test then starts on its own and sees the same failure).</summary>
    public static Template? For(IReadOnlyDictionary<string, string?> settings, DateTimeOffset now)
    {
        if (Environment.GetEnvironmentVariable("PRICINGAPI_TEST_TEMPLATES") == "0")
        {
            return null; // every test migrates and seeds its own database, as before templates
        }

        var key = Key(settings, now);
        var template = Templates.GetOrAdd(key, _ => new Lazy<Template?>(() => Make(settings, now))).Value;
        return template;
    }

    /// <summary>Everything that can change what a first start writes: every setting but where the database is, and the time.</summary>
    private static string Key(IReadOnlyDictionary<string, string?> settings, DateTimeOffset now)
    {
        var text = new StringBuilder(now.ToString("O"));
        foreach (var (name, value) in settings.Where(s => s.Key != ConnectionSetting).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(name).Append('=').Append(value);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static Template? Make(IReadOnlyDictionary<string, string?> settings, DateTimeOffset now)
    {
        Interlocked.Increment(ref _made);
        var source = new PricingApiFactory(settings: settings.Where(s => s.Key != ConnectionSetting).ToDictionary(s => s.Key, s => s.Value), useTemplate: false);
        Template? template;
        try
        {
            source.Clock.Set(now);
            _ = source.Services; // starts it: migrates, seeds, publishes what a first start publishes
            template = source.PostgresDatabase is { } database ? Template.OnPostgres(source, database) : Template.OnSqlite(source);
        }
        catch (Exception)
        {
            return null;
        }
        finally
        {
            source.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        if (source.PostgresDatabase is not null)
        {
            // CREATE DATABASE … TEMPLATE needs the template idle: close the pooled connections the service left.
            NpgsqlConnection.ClearAllPools();
        }

        return template;
    }

    private const string ConnectionSetting = "ConnectionStrings:Pricing";

    public sealed class Template
    {
        private string? _directory;
        private string? _postgresDatabase;

        /// <summary>
        /// Copies the template's files (the SQLite database, the signing keys) into a test's directory, and on
        /// PostgreSQL creates the test's database from the template database.
        /// </summary>
        public void CopyTo(string directory, string databaseFile, string? postgresDatabase)
        {
            if (_postgresDatabase is not null)
            {
                TestDatabases.CreatePostgresDatabase(TestDatabases.PostgresServer!, postgresDatabase!, template: _postgresDatabase);
            }

            foreach (var file in Directory.EnumerateFiles(_directory!, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(_directory!, file);
                var target = Path.Combine(directory, relative == TemplateFile ? databaseFile : relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        internal static Template OnSqlite(PricingApiFactory source)
        {
            var directory = FilesBeside(source);
            // The backup API copies a consistent database whatever is still in the write-ahead log.
            using (var from = new SqliteConnection($"Data Source={source.DatabasePath};Pooling=False"))
            using (var to = new SqliteConnection($"Data Source={Path.Combine(directory, TemplateFile)};Pooling=False"))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to);
            }

            return new Template { _directory = directory };
        }

        internal static Template OnPostgres(PricingApiFactory source, string database)
        {
            source.KeepPostgresDatabase(); // the throw-away cluster goes with the run
            return new Template { _directory = FilesBeside(source), _postgresDatabase = database };
        }

        /// <summary>What the service keeps beside its database (its signing keys, for one), copied into a new template directory.</summary>
        private static string FilesBeside(PricingApiFactory source)
        {
            var directory = Directory.CreateTempSubdirectory("pricingapi-template-").FullName;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
            var databaseName = Path.GetFileName(source.DatabasePath);
            var sourceDirectory = Path.GetDirectoryName(source.DatabasePath)!;
            foreach (var file in Directory.EnumerateFiles(sourceDirectory, "*", SearchOption.AllDirectories)
                         .Where(f => !Path.GetFileName(f).StartsWith(databaseName, StringComparison.Ordinal)))
            {
                var target = Path.Combine(directory, Path.GetRelativePath(sourceDirectory, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            return directory;
        }

        private const string TemplateFile = "template.db";
    }
}
