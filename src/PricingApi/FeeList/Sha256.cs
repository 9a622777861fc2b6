using System.Security.Cryptography;

namespace PricingApi.FeeList;

/// <summary>The hash every version's digest, ETags and fingerprints are made of, written in lower-case hex.</summary>
public static class Sha256
{
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
