using System.Security.Claims;

namespace PricingApi.Audit;

/// <summary>Who did something, as the audit names them: the key's name and role.</summary>
public sealed record Actor(string Name, string Role)
{
    public static readonly Actor Seed = new("seed", "system");

    /// <summary>
    /// The operator at the command line (keys create/revoke): the name given with <c>--operator</c>, else the
    /// operating-system account, which on a shared server or in a container (root, app) names no one.
    /// </summary>
    public static Actor CommandLine(string? operatorName) =>
        new(string.IsNullOrWhiteSpace(operatorName) ? Environment.UserName : operatorName.Trim(), "operator");

    public static Actor From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.Name) ?? "anonymous", user.FindFirstValue(ClaimTypes.Role) ?? "none");
}
