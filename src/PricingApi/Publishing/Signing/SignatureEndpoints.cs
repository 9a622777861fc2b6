using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PricingApi.ApiKeys;
using PricingApi.Data;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Caching;

namespace PricingApi.Publishing.Signing;

/// <summary>What a regulator needs to prove the history: each version's signature, the public keys, and a report on the whole chain.</summary>
public static class SignatureEndpoints
{
    public const string JoseContentType = "application/jose";

    public static IEndpointRouteBuilder MapSignatures(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/fee-list/versions/{version:int}/signature", SignatureAsync).WithName("GetFeeListVersionSignature")
            .WithTags("Public fee list").AllowAnonymous()
            .WithSummary("The version's ES256 signature: a compact JWS with detached payload (RFC 7515 appendix F).")
            .WithDescription("The payload is the exact bytes of /api/regulator/fee-list/versions/{version} (the bytes its digest covers); the key is the one in /.well-known/jwks.json named by the JWS header's kid. docs/publishing.md shows how to verify with openssl alone.")
            .Produces<string>(StatusCodes.Status200OK, JoseContentType).Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        routes.MapGet("/.well-known/jwks.json", JwksAsync).WithName("GetSigningKeys")
            .WithDescription("Public and cacheable. Verify a version's signature (GET /api/fee-list/versions/{version}/signature) with the key its `kid` names.")
            .WithTags("Public fee list").AllowAnonymous()
            .WithSummary("The public keys that sign fee-list versions (JWK Set: kty EC, crv P-256, kid); retired keys stay listed.")
            .Produces<JwkSet>(StatusCodes.Status200OK, "application/jwk-set+json").Produces(StatusCodes.Status304NotModified);
        routes.MapGet("/api/regulator/fee-list/verification", VerificationAsync).WithName("VerifyFeeListHistory")
            .WithDescription("Regulator key. Reports, per version, whether the stored bytes still match the published digest, the chain to the version before, and the signature; a broken link names the version.")
            .WithTags("Regulator").RequireAuthorization(Policies.Regulator)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Checks every published version: its bytes against its digest, its previousDigest against the version before, and its signature.");
        return routes;
    }

    private static async Task<Results<CachedContent, ProblemHttpResult>> SignatureAsync(int version, PricingDbContext db, RenderedBytes rendered, CancellationToken ct)
    {
        var jws = await db.FeeListSignatures.AsNoTracking().Where(s => s.Version == version).Select(s => s.Jws).FirstOrDefaultAsync(ct);
        if (jws is null)
        {
            return Problems.NotFound(PublishingMessages.UnknownVersion(version).ToString());
        }

        var body = System.Text.Encoding.ASCII.GetBytes(jws);
        return new CachedContent(await rendered.CompressedAsync(body, ct), CachedContent.Immutable, JoseContentType);
    }

    private static async Task<CachedContent> JwksAsync(SigningKeys keys, RenderedBytes rendered, CancellationToken ct)
    {
        // The public keys are read from the key directory on each request; the forms are found by the body's hash.
        var set = new JwkSet(keys.PublicKeys().Select(k => Jwk.Of(k.Value, k.Key)).ToList());
        var body = JsonSerializer.SerializeToUtf8Bytes(set, PricingJson.Options);
        return new CachedContent(await rendered.CompressedAsync(body, ct), CachedContent.Short(300), "application/jwk-set+json");
    }

    private static async Task<Ok<VerificationReport>> VerificationAsync(PricingDbContext db, SigningKeys keys, UtilityClock clock, HttpContext http, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Ok(await VerificationReport.BuildAsync(db, keys, clock.Now, ct));
    }
}
