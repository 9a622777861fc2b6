using System.Text;
using Microsoft.EntityFrameworkCore;
using PricingApi.Data;
using PricingApi.FeeList;

namespace PricingApi.Publishing.Signing;

/// <summary>
/// Signs, at start, versions published before signing existed (or while a signature could not be stored), so every
/// version can be verified with the JWKS. The signature vouches for the bytes as stored now; their digest, published
/// back then, is what shows whether they changed before.
/// </summary>
public static class UnsignedVersions
{
    public static async Task<int> SignAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        var unsigned = await db.FeeListVersions.AsNoTracking()
            .Where(v => !db.Set<FeeListSignature>().Any(s => s.Version == v.Version))
            .Select(v => new { v.Version, v.Document }).ToListAsync(ct);
        if (unsigned.Count == 0)
        {
            return 0;
        }

        var (key, keyId) = scope.ServiceProvider.GetRequiredService<SigningKeys>().Active();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        db.FeeListSignatures.AddRange(unsigned.Select(v => new FeeListSignature
        {
            Version = v.Version,
            KeyId = keyId,
            Jws = DetachedJws.Sign(key, keyId, Encoding.UTF8.GetBytes(v.Document)),
            SignedAt = now,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbContextExtensions.IsConflict(e))
        {
            return 0; // another instance starting at the same time signed them first
        }

        return unsigned.Count;
    }
}
