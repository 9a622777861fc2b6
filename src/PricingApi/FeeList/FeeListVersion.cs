namespace PricingApi.FeeList;

/// <summary>
/// A published fee list: immutable once written. The whole list is one row, its items held in
/// <see cref="Document"/> as the canonical JSON regulators download, so a version is written in one
/// statement and can never be half there. <see cref="Digest"/> is the SHA-256 of exactly those bytes.
/// </summary>
public sealed class FeeListVersion
{
    public int Version { get; set; }
    public DateTimeOffset EffectiveFrom { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
    public int BasicServiceCount { get; set; }
    public int ExtendedServiceCount { get; set; }
    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <see cref="Document"/>.</summary>
    public required string Digest { get; set; }
    public required string Document { get; set; }
}
