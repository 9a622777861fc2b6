using Xunit.Abstractions;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PricingApi.ApiKeys;
using PricingApi.Data;
using PricingApi.FeeList;

namespace PricingApi.Tests.Infrastructure;

/// <summary>
/// A fresh service per test: its own database (migrated and seeded from seed/ like a real first start), a clock
/// the test controls, and clients that carry a key of a chosen role. The database is a SQLite file in a new
/// temporary directory, or, when <c>PRICINGAPI_TEST_POSTGRES</c> holds a server's connection string, a new
/// database on that PostgreSQL server, dropped afterwards: the whole suite runs against either provider.
/// The database starts as a copy of what a first start with the same settings and clock wrote (see
/// <see cref="TemplateDatabases"/>), so each test pays for migrating and seeding only once per run.
/// </summary>
public sealed class PricingApiFactory : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pricingapi-test-").FullName;
    private readonly Dictionary<string, string?> _settings = new();
    private readonly string? _postgresDatabase;
    private bool _ownsPostgresDatabase;
    private readonly PricingApiFactory? _sharesDatabaseWith;
    private readonly bool _useTemplate;
    private bool _databasePrepared;
    private readonly ITestOutputHelper? _output;
    private readonly bool _warmUp;
    private const string SigningKeyDirectorySetting = "Publishing:SigningKeyDirectory";

    /// <param name="seed">Seed an empty database on start.</param>
    /// <param name="settings">Configuration that overrides appsettings.json.</param>
    /// <param name="shareDatabaseWith">Another instance whose database this one uses too, as a second server behind a load balancer would.</param>
    /// <param name="useTemplate">Start from a copy of a first start's database (false: migrate and seed here, as the template itself does).</param>
    /// <param name="output">The test's output, to receive the application's log lines instead of the console.</param>
    /// <param name="warmUp">
    /// Run <see cref="StartupWarmup"/>, which reads and compresses the list in effect at start so that the first
    /// request is answered from memory. It changes when that work is done, never what is answered (the first request
    /// reads what it needs itself without it; whether the warm-up has finished by then is a race even with it), and
    /// it was a third of a test service's start-up CPU, paid by every test, most of which never read the public list.
    /// Tests of the warm-up itself, or of the answer from memory before any request, turn it on.
    /// </param>
    public PricingApiFactory(bool seed = true, IDictionary<string, string?>? settings = null, PricingApiFactory? shareDatabaseWith = null,
        bool useTemplate = true, ITestOutputHelper? output = null, bool warmUp = false)
    {
        _output = output;
        _warmUp = warmUp;
        _sharesDatabaseWith = shareDatabaseWith;
        _useTemplate = useTemplate && shareDatabaseWith is null;
        if (TestDatabases.PostgresServer is { } server)
        {
            _postgresDatabase = shareDatabaseWith?.PostgresDatabase ?? TestDatabases.NewPostgresDatabaseName();
            _ownsPostgresDatabase = shareDatabaseWith is null;
            _settings["Database:Provider"] = "postgres";
            _settings["ConnectionStrings:Pricing"] = TestDatabases.PostgresConnectionString(server, _postgresDatabase);
        }
        else
        {
            _settings["ConnectionStrings:Pricing"] = $"Data Source={shareDatabaseWith?.DatabasePath ?? DatabasePath}";
        }

        _settings["Seed:Enabled"] = seed ? "true" : "false";
        // The tests publish and read back at once; never serve a stale list of versions.
        _settings["FeeList:RefreshSeconds"] = "0";
        // The access log (on in appsettings.json) writes straight to standard output, which would flood the runner's;
        // its own tests (AccessLogTests, RequestLogTests) turn it on.
        _settings["Logging:LogLevel:PricingApi.Requests"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public TestClock Clock { get; } = new(TestClock.DefaultStart);

    /// <summary>The SQLite file (when the suite runs on SQLite).</summary>
    public string DatabasePath => Path.Combine(_directory, "pricing.db");

    /// <summary>The address Kestrel serves on, once <see cref="LoopbackServer.StartOnLoopback"/> has started it; null for the in-memory server.</summary>
    public Uri? LoopbackAddress { get; internal set; }

    /// <summary>The PostgreSQL database name, when the suite runs on PostgreSQL; null on SQLite.</summary>
    public string? PostgresDatabase => _postgresDatabase;

    /// <summary>Runs when the service first starts: its database is created (from the template when one fits) just before.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        PrepareDatabase();
        return base.CreateHost(builder);
    }

    private void PrepareDatabase()
    {
        if (_databasePrepared)
        {
            return;
        }

        _databasePrepared = true;
        if (_sharesDatabaseWith is not null)
        {
            _sharesDatabaseWith.PrepareDatabase();
            return;
        }

        var template = _useTemplate && !File.Exists(DatabasePath) ? TemplateDatabases.For(_settings, Clock.Now) : null;
        if (template is not null)
        {
            template.CopyTo(_directory, Path.GetFileName(DatabasePath), _postgresDatabase);
        }
        else if (_postgresDatabase is not null)
        {
            TestDatabases.CreatePostgresDatabase(TestDatabases.PostgresServer!, _postgresDatabase);
        }
    }

    /// <summary>Leave the PostgreSQL database in place when disposed: it has become a template.</summary>
    internal void KeepPostgresDatabase() => _ownsPostgresDatabase = false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_postgresDatabase is not null && !_settings.ContainsKey(SigningKeyDirectorySetting))
        {
            // On SQLite the keys live beside the database file, in the test's directory; on PostgreSQL they would go to
            // the working directory, shared by every test. Keep them in the test's directory (the first instance's, when shared).
            builder.UseSetting(SigningKeyDirectorySetting, Path.Combine(_sharesDatabaseWith?._directory ?? _directory, "signing-keys"));
        }

        if (_output is not null)
        {
            builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(new TestOutputLoggerProvider(_output)));
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (!_warmUp)
            {
                services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StartupWarmup)));
            }
        });
    }

    /// <summary>
    /// An anonymous client that does not follow redirects (to the loopback server once one is started). It asks for
    /// English (Accept-Language: en), the language the tests' expected texts are written in; problems are Chinese by
    /// default, which <c>LocalizationTests</c> checks with the header removed.
    /// </summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    /// <summary>A client whose requests carry a freshly created key of <paramref name="role"/>.</summary>
    public HttpClient CreateClient(string role, string? name = null)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, CreateKey(role, name ?? $"Test {role}"));
        return client;
    }

    /// <summary>Stores a new key directly, as `keys create` would, and returns the key text.</summary>
    public string CreateKey(string role, string name)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        var (key, keyId, hash) = ApiKeySecrets.Generate();
        db.ApiKeys.Add(new ApiKey { KeyId = keyId, Name = name, Role = role, SecretHash = hash, CreatedAt = Clock.Now });
        db.SaveChanges();
        return key;
    }

    /// <summary>Runs <paramref name="work"/> against the service's database, outside any request.</summary>
    public async Task<T> WithDbAsync<T>(Func<PricingDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PricingDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Only this service's own pool, to let go of its file: clearing every pool in the process (ClearAllPools) raced
        // with other tests opening pooled connections at that moment (ObjectDisposedException: 'SQLitePCL.sqlite3').
        if (_postgresDatabase is null && _sharesDatabaseWith is null && _settings.GetValueOrDefault("ConnectionStrings:Pricing") is { } sqlite)
        {
            SqliteConnection.ClearPool(new SqliteConnection(sqlite));
        }
        if (_ownsPostgresDatabase && _postgresDatabase is not null)
        {
            TestDatabases.DropPostgresDatabase(TestDatabases.PostgresServer!, _postgresDatabase);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms: leave the temporary directory for the OS to clean.
        }
    }
}
