namespace PricingApi.Pricing;

/// <summary>
/// The itemised cost of one unit of an extended service (成本构成). Regulators check the margin
/// against the sum, so every part is kept rather than a single total.
/// </summary>
public sealed record CostBasis(decimal Materials, decimal Labour, decimal Machinery, decimal Other, decimal Overhead)
{
    public decimal Total => Materials + Labour + Machinery + Other + Overhead + 0.00m;
}
