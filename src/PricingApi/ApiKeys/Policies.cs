using Microsoft.AspNetCore.Authorization;

namespace PricingApi.ApiKeys;

/// <summary>Who may call what. A pricing admin may also read what staff and regulators read.</summary>
public static class Policies
{
    public const string Staff = "staff";
    public const string PricingAdmin = "pricing-admin";
    public const string Regulator = "regulator";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireRole(Roles.Staff, Roles.PricingAdmin));
        options.AddPolicy(PricingAdmin, p => p.RequireRole(Roles.PricingAdmin));
        options.AddPolicy(Regulator, p => p.RequireRole(Roles.Regulator, Roles.PricingAdmin));
    }

    /// <summary>
    /// Only keys whose role <paramref name="policy"/> allows, on every route of the group; declares the 401 (no valid key)
    /// and 403 (another role) that the authorization middleware answers before any handler runs.
    /// </summary>
    public static RouteGroupBuilder RequireKey(this RouteGroupBuilder group, string policy) =>
        group.RequireAuthorization(policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
