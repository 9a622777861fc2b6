using System.Text;
using System.Text.Json;
using PricingApi.Http;
using PricingApi.Caching;

namespace PricingApi.FeeList;

/// <summary>
/// A published version held in memory with its responses already serialised: versions never change, so the
/// bytes and ETags are computed once per version, not once per request.
/// </summary>
/// <remarks>
/// It keeps the canonical bytes and the public document (quotes are priced from it), not the costed document: that
/// object graph is as large again and only regulators' downloads need it, so <see cref="ReadCosted"/> reads it from
/// the bytes each time (their rendered forms are cached by bytes elsewhere).
/// </remarks>
public sealed class PublishedVersion
{
    public PublishedVersion(FeeListVersion row) : this(Encoding.UTF8.GetBytes(row.Document), row.Digest)
    {
    }

    /// <summary>
    /// From a version's canonical bytes and digest: those read from its row, or those its publisher has just written
    /// (<see cref="FeeListStore.Published"/>), which are the same bytes.
    /// </summary>
    public PublishedVersion(byte[] costedJson, string digest)
    {
        CostedJson = costedJson;
        Public = ReadCosted().ToPublic();
        PublicJson = PricingJson.SerializeLarge(Public);
        PublicETag = StrongETag(PublicJson);
        PublicContent = new Rendered(PublicJson, PublicETag).Compressed();
        Digest = digest;
        CostedETag = $"\"{Digest}\"";
    }

    public int Version => Public.Version;
    /// <summary>The stored canonical bytes; their SHA-256 is <see cref="Digest"/>.</summary>
    public byte[] CostedJson { get; }
    public string CostedETag { get; }
    public string Digest { get; }
    public FeeListDocument Public { get; }
    public byte[] PublicJson { get; }
    public string PublicETag { get; }
    /// <summary>The public JSON with its brotli and gzip forms, made once when the version is loaded.</summary>
    public Rendered PublicContent { get; }

    /// <summary>The costed document, read from <see cref="CostedJson"/> on each call (not kept: see the remarks).</summary>
    public CostedFeeListDocument ReadCosted() =>
        JsonSerializer.Deserialize<CostedFeeListDocument>(CostedJson, PricingJson.Options)
        ?? throw new InvalidOperationException("A version has an empty document.");

    public static string StrongETag(ReadOnlySpan<byte> bytes) => $"\"{Sha256.Hex(bytes)[..32]}\"";
}
