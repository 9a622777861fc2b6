using Microsoft.Net.Http.Headers;

namespace PricingApi.Caching;

/// <summary>
/// The one responder for content rendered ahead of time (the fee list, its versions, changes, files and pages, the
/// feed, signatures and keys, the service area, regulator reports): ETag, Cache-Control, 304 when the client's
/// If-None-Match already names the ETag, and, for content with compressed forms (every public read but the
/// workbook), the form Accept-Encoding asks for with <c>Vary: Accept-Encoding</c>. An unchanged
/// fee list costs a poller a few header bytes. HEAD gets the same headers; the server sends no body for it.
/// The headers every response carries (security policy, request id) are set by <c>ResponseHeaders</c>.
/// </summary>
public sealed class CachedContent(Rendered content, string cacheControl, string contentType = CachedContent.Json) : IResult
{
    public const string Json = "application/json; charset=utf-8";

    public CachedContent(byte[] body, string etag, string cacheControl, string contentType = Json)
        : this(new Rendered(body, etag), cacheControl, contentType)
    {
    }

    public Rendered Content => content;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var form = content.For(httpContext.Request.Headers.AcceptEncoding.ToString());
        if (content.HasEncodings)
        {
            // Appended: the CORS middleware may add Origin.
            response.Headers.Append(HeaderNames.Vary, "Accept-Encoding");
        }

        response.Headers.ETag = form.ETag;
        response.Headers.CacheControl = cacheControl;
        if (IsNotModified(httpContext.Request.Headers.IfNoneMatch.ToString(), form.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = form.Body;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        if (form.Coding is not null)
        {
            response.Headers.ContentEncoding = form.Coding;
        }

        return body.Length <= Slice
            ? response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask()
            : WriteInSlicesAsync(response.Body, body, httpContext.RequestAborted);
    }

    // Kestrel copies whatever one write hands it into its own buffers before sending. A 10,000-item list is 3.5 MB,
    // so 32 clients reading it at once held 32 copies (over 100 MB). Writing slices, each awaited until the socket
    // has taken it, keeps about one slice per connection in memory.
    private const int Slice = 64 * 1024;

    private static async Task WriteInSlicesAsync(Stream destination, byte[] body, CancellationToken ct)
    {
        for (var offset = 0; offset < body.Length; offset += Slice)
        {
            await destination.WriteAsync(body.AsMemory(offset, Math.Min(Slice, body.Length - offset)), ct);
        }
    }

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".</summary>
    public static bool IsNotModified(string ifNoneMatch, string etag)
    {
        if (string.IsNullOrEmpty(ifNoneMatch))
        {
            return false;
        }

        if (ifNoneMatch == etag)
        {
            return true; // what a poller sends back: its ETag, unchanged (no parsing on the hot path)
        }

        if (ifNoneMatch.Trim() == "*")
        {
            return true;
        }

        return EntityTagHeaderValue.TryParseList([ifNoneMatch], out var tags)
               && tags.Any(t => t.Tag.AsSpan().SequenceEqual(etag.AsSpan().TrimStart("W/")));
    }

    /// <summary>For what never changes: a published version.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>For what changes when a version is published or takes effect: cacheable, but not past <paramref name="seconds"/>.</summary>
    public static string Short(int seconds) =>
        seconds <= 0 ? "no-cache"
        : seconds < ShortValues.Length ? ShortValues[seconds] ??= $"public, max-age={seconds}"
        : $"public, max-age={seconds}";

    // The header value is asked for on every fee-list request; keep each (of a few distinct ones) as one string.
    private static readonly string?[] ShortValues = new string?[3601];
}
