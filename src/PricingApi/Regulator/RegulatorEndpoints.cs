using PricingApi.ApiKeys;

namespace PricingApi.Regulator;

/// <summary>
/// What price regulators pull (regulator and pricing-admin keys): every published version with its costs,
/// the compliance report, the audit trail. Read-only by construction: the group holds GET routes only.
/// </summary>
public static class RegulatorEndpoints
{
    /// <summary>
    /// For the stored canonical bytes, which never change. Private: these responses carry costs and are
    /// fetched with a key, so a shared cache must never keep them for the next caller.
    /// </summary>
    internal const string Immutable = "private, max-age=31536000, immutable";

    /// <summary>For what is computed or can change: the client keeps it but asks again, and an unchanged answer is a 304.</summary>
    internal const string Revalidate = "private, no-cache";

    public static RouteGroupBuilder MapRegulator(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/regulator")
            .WithTags("Regulator")
            .RequireKey(Policies.Regulator);

        group.MapRegulatorFeeList();
        group.MapCompliance();
        group.MapAuditTrail();
        group.MapCharges();
        return group;
    }
}
