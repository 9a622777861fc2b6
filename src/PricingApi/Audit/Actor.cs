using System.Security.Claims;

namespace PricingApi.Audit;

/// <summary>Who did something, as the audit names them: the key's name and role.</summary>
public sealed record Actor(string Name, string Role)
{
    public static readonly Actor Seed = new("seed", "system");

    /// <summary>The operator at the command line (keys create/revoke), named by the machine account.</summary>
    public static Actor CommandLine => new($"command line ({Environment.UserName})", "operator");

    public static Actor From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.Name) ?? "anonymous", user.FindFirstValue(ClaimTypes.Role) ?? "none");
}
