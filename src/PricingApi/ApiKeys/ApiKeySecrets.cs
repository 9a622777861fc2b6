using System.Security.Cryptography;

namespace PricingApi.ApiKeys;

/// <summary>
/// The shape of a key: <c>pk.&lt;keyId&gt;.&lt;secret&gt;</c>. The key id is public and finds the row; the secret
/// is 256 random bits, stored only as its SHA-256. A fast hash is right here: the secret is random, not a
/// password, so there is nothing to guess from the hash.
/// </summary>
public static class ApiKeySecrets
{
    private const string Prefix = "pk";

    public static (string Key, string KeyId, byte[] SecretHash) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}.{keyId}.{secret}", keyId, Hash(secret));
    }

    public static bool TryParse(string key, out string keyId, out string secret)
    {
        keyId = secret = "";
        var parts = key.Split('.');
        if (parts.Length != 3 || parts[0] != Prefix || parts[1].Length != 16 || parts[2].Length is < 20 or > 100)
        {
            return false;
        }

        (keyId, secret) = (parts[1], parts[2]);
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    /// <summary>Compares in constant time, so response timing says nothing about how much of a guess was right.</summary>
    public static bool Matches(string secret, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
