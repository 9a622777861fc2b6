namespace PricingApi.Pricing;

/// <summary>
/// The cap on an extended service's cost-profit ratio (成本利润率), 10% in the Kunming pilot
/// (原则上成本利润率不超过10%). It applies to the tax-exclusive price: VAT is not profit.
/// All arithmetic is exact decimal; nothing here is rounded except where a price must be a whole fen.
/// </summary>
public sealed record CostProfitCap(decimal Rate)
{
    /// <summary>price ≤ cost × (1 + cap), compared exactly.</summary>
    public bool Allows(decimal cost, decimal priceExcludingTax) => priceExcludingTax <= cost * (1m + Rate);

    /// <summary>The highest whole-fen price within the cap: cost 10.01 at 10% allows 11.01 (11.011 exactly).</summary>
    public decimal HighestAllowedPrice(decimal cost) => Money.FloorToFen(cost * (1m + Rate));

    /// <summary>(price − cost) ÷ cost, always written with six decimals (0.100000); the cap check itself never uses this rounded figure.</summary>
    public static decimal Ratio(decimal cost, decimal priceExcludingTax) =>
        (cost == 0m ? 0m : decimal.Round((priceExcludingTax - cost) / cost, 6, MidpointRounding.AwayFromZero)) + 0.000000m;
}
