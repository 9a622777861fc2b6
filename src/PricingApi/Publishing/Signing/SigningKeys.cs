using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PricingApi.Data;

namespace PricingApi.Publishing.Signing;

/// <summary>
/// The keys that sign published versions, kept outside the database: whoever can rewrite a table still cannot sign.
/// The active private key comes from <c>Publishing:SigningKeyPem</c> (an environment secret) or <c>active.pem</c> in the
/// key directory; the directory also keeps the public key of every key ever used (<c>&lt;kid&gt;.public.pem</c>), so
/// versions signed before a rotation keep verifying. With neither configured, the first signature creates a key.
/// </summary>
public sealed class SigningKeys(IOptions<PublishingOptions> options, IConfiguration configuration, ILogger<SigningKeys> logger)
{
    public const string ActiveFile = "active.pem";
    private const string PublicSuffix = ".public.pem";
    private readonly Lock _lock = new();
    private (ECDsa Key, string Id)? _active;

    public string Directory => KeyDirectory(options.Value, configuration);

    /// <summary>The key new versions are signed with, created on first use when none is configured.</summary>
    public (ECDsa Key, string Id) Active()
    {
        lock (_lock)
        {
            if (_active is { } loaded)
            {
                return loaded;
            }

            var key = ECDsa.Create();
            if (options.Value.SigningKeyPem is { Length: > 0 } pem)
            {
                key.ImportFromPem(pem);
            }
            else
            {
                var path = Path.Combine(Directory, ActiveFile);
                if (!File.Exists(path))
                {
                    Create(Directory, replace: false);
                    logger.LogWarning("No signing key was configured: created one in {Directory}. Keep it safe and back it up.", Directory);
                }

                key.ImportFromPem(File.ReadAllText(path));
            }

            var id = Jwk.Thumbprint(key);
            SavePublic(Directory, key, id);
            _active = (key, id);
            return _active.Value;
        }
    }

    /// <summary>Every public key that ever signed (the active one included), by kid.</summary>
    public IReadOnlyDictionary<string, ECDsa> PublicKeys()
    {
        var active = Active();
        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal) { [active.Id] = active.Key };
        if (System.IO.Directory.Exists(Directory))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*" + PublicSuffix).Order(StringComparer.Ordinal))
            {
                var key = ECDsa.Create();
                key.ImportFromPem(File.ReadAllText(file));
                keys.TryAdd(Jwk.Thumbprint(key), key);
            }
        }

        return keys;
    }

    /// <summary>
    /// Writes a new active key (and its public key) into <paramref name="directory"/> and returns its kid. With
    /// <paramref name="replace"/> the previous active key is retired: its public key stays for verification.
    /// </summary>
    public static string Create(string directory, bool replace)
    {
        System.IO.Directory.CreateDirectory(directory);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var id = Jwk.Thumbprint(key);
        var staged = Path.Combine(directory, $".{id}.tmp");
        File.WriteAllText(staged, key.ExportPkcs8PrivateKeyPem(), Encoding.ASCII);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(staged, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        SavePublic(directory, key, id);
        try
        {
            // A rename, so two instances starting at once agree on one key and nobody reads half a file.
            File.Move(staged, Path.Combine(directory, ActiveFile), overwrite: replace);
        }
        catch (IOException) when (!replace)
        {
            File.Delete(staged);
        }

        return id;
    }

    public static string KeyDirectory(PublishingOptions options, IConfiguration configuration)
    {
        if (options.SigningKeyDirectory is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        if (DatabaseSetup.Provider(configuration) == DatabaseProvider.Sqlite)
        {
            var dataSource = new SqliteConnectionStringBuilder(DatabaseSetup.ConnectionString(configuration)).DataSource;
            if (dataSource != ":memory:" && !dataSource.StartsWith("file:", StringComparison.Ordinal) && dataSource.Length > 0)
            {
                return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataSource))!, "signing-keys");
            }
        }

        return Path.GetFullPath("signing-keys");
    }

    private static void SavePublic(string directory, ECDsa key, string id)
    {
        var path = Path.Combine(directory, id + PublicSuffix);
        if (!File.Exists(path))
        {
            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(path, key.ExportSubjectPublicKeyInfoPem(), Encoding.ASCII);
        }
    }
}
