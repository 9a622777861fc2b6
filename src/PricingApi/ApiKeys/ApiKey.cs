namespace PricingApi.ApiKeys;

/// <summary>
/// A credential for staff, pricing admins or regulators. The key itself is shown once at creation;
/// only <see cref="KeyId"/> (the public half, for lookup) and a SHA-256 of the secret half are stored.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public required string KeyId { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public required byte[] SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public static class Roles
{
    public const string Staff = "staff";
    public const string PricingAdmin = "pricing-admin";
    public const string Regulator = "regulator";

    public static readonly IReadOnlyList<string> All = [Staff, PricingAdmin, Regulator];
}
