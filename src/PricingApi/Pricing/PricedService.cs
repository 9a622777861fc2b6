namespace PricingApi.Pricing;

/// <summary>
/// What the rules make of one extended service's price (成本、含税价、成本利润率、最高限价): its cost, tax-inclusive
/// price, cost-profit ratio, the highest price the cap allows and whether the price keeps within it. The only place
/// these figures are put together: the admin catalog, the published versions, the compliance report and the
/// publishing check all read them from here, so a regulator sees the same number wherever it appears.
/// </summary>
/// <remarks>
/// The checks use the price and costs exactly as given; the properties write them as the contract does (money with
/// two decimals, rates without trailing zeros), whatever scale the database handed back.
/// </remarks>
public sealed class PricedService
{
    public PricedService(CostBasis costBasis, decimal priceExcludingTax, decimal vatRate, CostProfitCap cap)
    {
        Cost = costBasis.Total;
        CostBasis = costBasis.ToFen();
        PriceExcludingTax = Money.ToFen(priceExcludingTax);
        VatRate = Money.Rate(vatRate);
        Price = Money.TaxInclusive(priceExcludingTax, vatRate);
        CostProfitRatio = CostProfitCap.Ratio(Cost, priceExcludingTax);
        HighestAllowedPrice = cap.HighestAllowedPrice(Cost);
        WithinCap = cap.Allows(Cost, priceExcludingTax);
        Cap = cap;
    }

    /// <summary>The itemised cost of one unit, each part to the fen.</summary>
    public CostBasis CostBasis { get; }

    /// <summary>The sum of the cost basis.</summary>
    public decimal Cost { get; }

    public decimal PriceExcludingTax { get; }

    public decimal VatRate { get; }

    /// <summary>Tax-inclusive: priceExcludingTax × (1 + vatRate), rounded half-up to the fen.</summary>
    public decimal Price { get; }

    /// <summary>(priceExcludingTax − cost) ÷ cost, to six decimals; the cap check never uses this rounded figure.</summary>
    public decimal CostProfitRatio { get; }

    /// <summary>The highest whole-fen tax-exclusive price the cap allows for this cost.</summary>
    public decimal HighestAllowedPrice { get; }

    /// <summary>priceExcludingTax ≤ cost × (1 + cap), compared exactly.</summary>
    public bool WithinCap { get; }

    public CostProfitCap Cap { get; }
}
