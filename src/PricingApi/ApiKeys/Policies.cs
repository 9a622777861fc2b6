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
}
