using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PricingApi.Http;

/// <summary>
/// The Idempotency-Key mechanism every staff write shares (issuing, accepting, completing): a key is 1 to 128 visible
/// ASCII characters, remembered with the key id that sent it and a hash of the request; a retry with the same request is
/// answered again (header Idempotent-Replayed: true), the same key with a different request is refused.
/// </summary>
public static class Idempotency
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Room for a UUID with a prefix, and small enough to index.</summary>
    public const int MaxKeyLength = 128;

    /// <summary>The 400 for a malformed key, or null when it is absent or well-formed.</summary>
    public static ValidationProblem? Invalid(string? key) =>
        key is null || (key.Length is > 0 and <= MaxKeyLength && key.All(c => c is > ' ' and <= '~'))
            ? null
            : Problems.Invalid(KeyHeader, $"'{KeyHeader}' is 1 to {MaxKeyLength} visible ASCII characters, e.g. a UUID.");

    /// <summary>SHA-256 of the request as the service reads it, so a retry is recognised whatever the client's whitespace.</summary>
    public static string Hash<T>(T request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, PricingJson.Options)));

    /// <summary>Whether a stored write is this request retried: the same key id and the same Idempotency-Key.</summary>
    public static bool IsRetry(string? key, string keyId, string? storedKey, string? storedKeyId) =>
        key is not null && key == storedKey && keyId == storedKeyId;

    public static void MarkReplayed(HttpContext http) => http.Response.Headers[ReplayedHeader] = "true";
}
