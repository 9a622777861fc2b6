using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;

namespace PricingApi.Caching;

/// <summary>One form of a rendered response: its bytes, its strong ETag, and its Content-Encoding (null for identity).</summary>
public sealed record EncodedBody(byte[] Body, string ETag, string? Coding);

/// <summary>
/// Bytes rendered once and served many times, with the strong ETag (a hash of exactly these bytes) and, for text
/// that compresses, its brotli and gzip forms, made once here rather than per request. Each form has its own ETag
/// (the identity one with a suffix), so a cache never answers a gzip request with brotli bytes it revalidated.
/// </summary>
public sealed record Rendered(byte[] Body, string ETag)
{
    public EncodedBody Identity { get; } = new(Body, ETag, null);
    public EncodedBody? Brotli { get; private init; }
    public EncodedBody? Gzip { get; private init; }

    /// <summary>True when the answer depends on Accept-Encoding (then it carries <c>Vary: Accept-Encoding</c>).</summary>
    public bool HasEncodings => Brotli is not null || Gzip is not null;

    /// <summary>What the forms hold in memory, for the byte budgets.</summary>
    public long Bytes => Body.Length + (Brotli?.Body.Length ?? 0) + (Gzip?.Body.Length ?? 0) + 6L * ETag.Length + 192;

    /// <summary>The same form as the JSON's ETags: the first 128 bits of the SHA-256, in hex.</summary>
    public static Rendered Of(byte[] body, bool compress = false)
    {
        var rendered = new Rendered(body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        return compress ? rendered.Compressed() : rendered;
    }

    /// <summary>
    /// These bytes with their brotli and gzip forms. Both are kept even when no smaller: only text is compressed, and
    /// text that does not shrink is a few bytes (an empty list, <c>[]</c>), so a form costs a few bytes more, while
    /// every public read answers the coding it is asked for (the contract makes no exception for size).
    /// </summary>
    public Rendered Compressed() => this with
    {
        Brotli = CompressBrotli(Body) is { } brotli ? new EncodedBody(brotli, Suffixed("br"), "br") : null,
        Gzip = new EncodedBody(CompressGzip(Body), Suffixed("gzip"), "gzip"),
    };

    /// <summary>The form the client prefers by its Accept-Encoding (q-values honoured; identity when none fits).</summary>
    public EncodedBody For(string? acceptEncoding)
    {
        if (!HasEncodings || string.IsNullOrEmpty(acceptEncoding))
        {
            return Identity;
        }

        var accepted = AcceptEncoding.Parse(acceptEncoding);
        var best = Identity;
        var bestQ = accepted.Identity;
        // A coding the client accepts wins over identity at the same quality; brotli over gzip (it is the smaller).
        if (Brotli is not null && accepted.Brotli > 0 && accepted.Brotli >= bestQ)
        {
            (best, bestQ) = (Brotli, accepted.Brotli);
        }

        if (Gzip is not null && accepted.Gzip > 0 && (accepted.Gzip > bestQ || (ReferenceEquals(best, Identity) && accepted.Gzip == bestQ)))
        {
            best = Gzip;
        }

        return best;
    }

    private string Suffixed(string coding) => $"{ETag[..^1]}-{coding}\"";

    // Quality by size: the best ratio for what is served many times, a fast level for a list of thousands of items,
    // which would otherwise hold its first reader for seconds.
    private const int LargeBytes = 256 * 1024;

    /// <summary>Null only if the encoder fails within its own bound, which it should never do.</summary>
    private static byte[]? CompressBrotli(byte[] body)
    {
        // A large body's buffer is not borrowed from the shared pool, which would keep one that size for good.
        var large = body.Length > LargeBytes;
        var maxLength = BrotliEncoder.GetMaxCompressedLength(body.Length);
        var buffer = large ? new byte[maxLength] : ArrayPool<byte>.Shared.Rent(maxLength);
        try
        {
            return BrotliEncoder.TryCompress(body, buffer, out var written, large ? 6 : 11, 22)
                ? buffer.AsSpan(0, written).ToArray()
                : null;
        }
        finally
        {
            if (!large)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static byte[] CompressGzip(byte[] body)
    {
        using var output = new MemoryStream(body.Length / 4 + 64);
        using (var gzip = new GZipStream(output, body.Length <= LargeBytes ? CompressionLevel.SmallestSize : CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }
}

/// <summary>
/// The qualities (0–1000, thousandths) an Accept-Encoding header gives brotli, gzip and identity (RFC 9110 §12.5.3):
/// an unlisted coding takes the quality of <c>*</c>, else 0; identity is acceptable unless excluded.
/// </summary>
public readonly record struct AcceptEncoding(int Brotli, int Gzip, int Identity)
{
    public static AcceptEncoding Parse(string header)
    {
        int brotli = -1, gzip = -1, identity = -1, any = -1;
        var text = header.AsSpan();
        foreach (var range in text.Split(','))
        {
            var item = text[range];
            var semicolon = item.IndexOf(';');
            var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
            var quality = semicolon < 0 ? 1000 : Quality(item[(semicolon + 1)..]);
            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                brotli = quality;
            }
            else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = quality;
            }
            else if (name.Equals("identity", StringComparison.OrdinalIgnoreCase))
            {
                identity = quality;
            }
            else if (name.SequenceEqual("*"))
            {
                any = quality;
            }
        }

        return new AcceptEncoding(
            brotli >= 0 ? brotli : Math.Max(any, 0),
            gzip >= 0 ? gzip : Math.Max(any, 0),
            // Identity is the fallback when a client lists only codings; it loses to any coding it accepts.
            identity >= 0 ? identity : any == 0 ? 0 : 1);
    }

    /// <summary>"q=0.5" → 500; a parameter that is not a valid q-value counts as q=1, as if absent.</summary>
    private static int Quality(ReadOnlySpan<char> parameters)
    {
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            if (parameter.Length < 3 || (parameter[0] != 'q' && parameter[0] != 'Q') || parameter[1] != '=')
            {
                continue;
            }

            var value = parameter[2..];
            if (value.Length == 0 || value[0] is not ('0' or '1'))
            {
                return 1000;
            }

            var thousandths = (value[0] - '0') * 1000;
            if (value.Length > 1 && value[1] == '.')
            {
                var scale = 100;
                for (var i = 2; i < value.Length && i < 5 && char.IsAsciiDigit(value[i]); i++, scale /= 10)
                {
                    thousandths += (value[i] - '0') * scale;
                }
            }

            return Math.Min(thousandths, 1000);
        }

        return 1000;
    }
}
