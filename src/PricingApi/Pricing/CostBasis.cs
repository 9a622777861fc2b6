namespace PricingApi.Pricing;

/// <summary>
/// The itemised cost of one unit of an extended service (成本构成). Regulators check the margin
/// against the sum, so every part is kept rather than a single total.
/// </summary>
public sealed record CostBasis(decimal Materials, decimal Labour, decimal Machinery, decimal Other, decimal Overhead)
{
    public decimal Total => Money.ToFen(Materials + Labour + Machinery + Other + Overhead);

    /// <summary>The same parts, each written with two decimals.</summary>
    public CostBasis ToFen() => new(Money.ToFen(Materials), Money.ToFen(Labour), Money.ToFen(Machinery), Money.ToFen(Other), Money.ToFen(Overhead));
}
