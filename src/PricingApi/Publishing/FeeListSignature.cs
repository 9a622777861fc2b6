namespace PricingApi.Publishing;

/// <summary>
/// The signature of one version: a compact JWS with detached payload (RFC 7515 appendix F) over the version's
/// canonical bytes. Append-only; the private key that made it never enters the database.
/// </summary>
public sealed class FeeListSignature
{
    public int Version { get; set; }
    /// <summary>The <c>kid</c> of the key in /.well-known/jwks.json that verifies it.</summary>
    public required string KeyId { get; set; }
    public required string Jws { get; set; }
    public DateTimeOffset SignedAt { get; set; }
}
