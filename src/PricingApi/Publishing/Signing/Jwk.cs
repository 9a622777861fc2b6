using System.Security.Cryptography;
using System.Text;

namespace PricingApi.Publishing.Signing;

/// <summary>A public signing key as a JSON Web Key (RFC 7517): what /.well-known/jwks.json lists.</summary>
public sealed record Jwk(string Kty, string Crv, string X, string Y, string Kid, string Use, string Alg)
{
    public static Jwk Of(ECDsa key, string kid)
    {
        var p = key.ExportParameters(includePrivateParameters: false);
        return new Jwk("EC", "P-256", DetachedJws.Encode(p.Q.X), DetachedJws.Encode(p.Q.Y), kid, "sig", "ES256");
    }

    /// <summary>The RFC 7638 thumbprint, used as kid: anyone can recompute it from the key itself.</summary>
    public static string Thumbprint(ECDsa key)
    {
        var p = key.ExportParameters(includePrivateParameters: false);
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{DetachedJws.Encode(p.Q.X)}\",\"y\":\"{DetachedJws.Encode(p.Q.Y)}\"}}";
        return DetachedJws.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(canonical)));
    }
}

/// <summary>The JWK Set document.</summary>
public sealed record JwkSet(IReadOnlyList<Jwk> Keys);
