using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PricingApi.Data;
using PricingApi.FeeList;

namespace PricingApi.Publishing.Signing;

/// <summary>
/// The whole published history checked from the rows themselves (not from any cache): each version's bytes against
/// its digest, its <c>previousDigest</c> against the bytes of the version before it, and its signature against the
/// published keys. Any row rewritten in the database shows here.
/// </summary>
public sealed record VerificationReport
{
    /// <summary>True when every version's digest, chain link and signature hold.</summary>
    public bool Valid { get; init; }
    public int VersionsChecked { get; init; }
    public DateTimeOffset CheckedAt { get; init; }
    public required IReadOnlyList<VersionVerification> Versions { get; init; }

    public static async Task<VerificationReport> BuildAsync(PricingDbContext db, SigningKeys keys, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.FeeListVersions.AsNoTracking().OrderBy(v => v.Version)
            .Select(v => new { v.Version, v.Digest, v.Document }).ToListAsync(ct);
        var signatures = await db.FeeListSignatures.AsNoTracking().ToDictionaryAsync(s => s.Version, ct);
        var withdrawn = (await db.FeeListWithdrawals.AsNoTracking().Select(w => w.Version).ToListAsync(ct)).ToHashSet();
        var publicKeys = keys.PublicKeys();

        var checks = new List<VersionVerification>(rows.Count);
        string? previousActual = null;
        foreach (var row in rows)
        {
            var bytes = Encoding.UTF8.GetBytes(row.Document);
            var actual = Sha256.Hex(bytes);
            var (chained, previousDigest) = PreviousDigestOf(row.Document);
            var problems = new List<string>();
            if (actual != row.Digest)
            {
                problems.Add($"The stored bytes hash to {actual}, not to the published digest {row.Digest}: the version was changed after publication.");
            }

            bool? chainIntact = chained ? previousDigest == previousActual : null;
            if (chainIntact == false)
            {
                problems.Add(previousActual is null
                    ? $"previousDigest is {previousDigest} but there is no version before it."
                    : $"previousDigest {previousDigest ?? "null"} does not match the bytes of version {row.Version - 1} ({previousActual}).");
            }

            signatures.TryGetValue(row.Version, out var signature);
            var signatureValid = signature is not null && publicKeys.TryGetValue(signature.KeyId, out var key)
                                 && DetachedJws.KeyId(signature.Jws) == signature.KeyId && DetachedJws.Verify(signature.Jws, key, bytes);
            if (signature is null)
            {
                problems.Add("The version has no signature.");
            }
            else if (!signatureValid)
            {
                problems.Add($"The signature (key {signature.KeyId}) does not verify over the stored bytes.");
            }

            checks.Add(new VersionVerification
            {
                Version = row.Version,
                Digest = row.Digest,
                DigestMatches = actual == row.Digest,
                PreviousDigest = previousDigest,
                ChainIntact = chainIntact,
                KeyId = signature?.KeyId,
                SignatureValid = signatureValid,
                Withdrawn = withdrawn.Contains(row.Version),
                Problems = problems,
            });
            previousActual = actual;
        }

        return new VerificationReport { Valid = checks.All(c => c.Problems.Count == 0), VersionsChecked = checks.Count, CheckedAt = now, Versions = checks };
    }

    /// <summary>Whether the document records a chain link at all (versions published before chaining do not), and its value.</summary>
    private static (bool Chained, string? PreviousDigest) PreviousDigestOf(string document)
    {
        try
        {
            using var json = JsonDocument.Parse(document);
            return json.RootElement.TryGetProperty("previousDigest", out var link)
                ? (true, link.ValueKind == JsonValueKind.String ? link.GetString() : null)
                : (false, null);
        }
        catch (JsonException)
        {
            return (true, null);
        }
    }
}

/// <summary>One version in the verification report.</summary>
public sealed record VersionVerification
{
    public int Version { get; init; }
    /// <summary>The digest published for the version.</summary>
    public required string Digest { get; init; }
    /// <summary>Whether the SHA-256 of the stored bytes is still that digest.</summary>
    public bool DigestMatches { get; init; }
    /// <summary>The chain link the version's document carries.</summary>
    public string? PreviousDigest { get; init; }
    /// <summary>Whether previousDigest matches the bytes of the version before; null for versions published before the chain began.</summary>
    public bool? ChainIntact { get; init; }
    public string? KeyId { get; init; }
    public bool SignatureValid { get; init; }
    public bool Withdrawn { get; init; }
    /// <summary>What failed, in words; empty when the version verifies.</summary>
    public required IReadOnlyList<string> Problems { get; init; }
}
