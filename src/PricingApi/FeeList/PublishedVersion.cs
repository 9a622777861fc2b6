using System.Text;
using System.Text.Json;
using PricingApi.Http;
using PricingApi.Caching;

namespace PricingApi.FeeList;

/// <summary>
/// A published version held in memory with its responses already serialised: versions never change, so the
/// bytes and ETags are computed once per version, not once per request.
/// </summary>
public sealed class PublishedVersion
{
    public PublishedVersion(FeeListVersion row)
    {
        CostedJson = Encoding.UTF8.GetBytes(row.Document);
        Costed = JsonSerializer.Deserialize<CostedFeeListDocument>(CostedJson, PricingJson.Options)
                 ?? throw new InvalidOperationException($"Version {row.Version} has an empty document.");
        Public = Costed.ToPublic();
        PublicJson = JsonSerializer.SerializeToUtf8Bytes(Public, PricingJson.Options);
        PublicETag = StrongETag(PublicJson);
        PublicContent = new Rendered(PublicJson, PublicETag).Compressed();
        Digest = row.Digest;
        CostedETag = $"\"{Digest}\"";
    }

    public int Version => Costed.Version;
    public CostedFeeListDocument Costed { get; }
    /// <summary>The stored canonical bytes; their SHA-256 is <see cref="Digest"/>.</summary>
    public byte[] CostedJson { get; }
    public string CostedETag { get; }
    public string Digest { get; }
    public FeeListDocument Public { get; }
    public byte[] PublicJson { get; }
    public string PublicETag { get; }
    /// <summary>The public JSON with its brotli and gzip forms, made once when the version is loaded.</summary>
    public Rendered PublicContent { get; }

    public static string StrongETag(ReadOnlySpan<byte> bytes) => $"\"{Sha256.Hex(bytes)[..32]}\"";
}
