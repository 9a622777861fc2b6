using PricingApi.Pricing;

namespace PricingApi.Catalog;

/// <summary>
/// A working-catalog item as the pricing admin sees it: what was written, plus what the rules make of it
/// (cost, tax-inclusive price, margin, the highest price the cap allows). Fields of the other kind are absent.
/// </summary>
public sealed record ServiceResponse
{
    public required string Code { get; init; }
    public ServiceKind Kind { get; init; }
    public ServiceCategory? Category { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public string? Unit { get; init; }
    public string? UnitEn { get; init; }
    public required string Description { get; init; }
    public CostBasis? CostBasis { get; init; }
    public decimal? Cost { get; init; }
    public decimal PriceExcludingTax { get; init; }
    public decimal? VatRate { get; init; }
    /// <summary>Tax-inclusive; always 0 for a basic service.</summary>
    public decimal Price { get; init; }
    public decimal? CostProfitRatio { get; init; }
    public decimal? HighestAllowedPrice { get; init; }
    /// <summary>Whether the price is within the cost-profit cap now in force (always true for a basic service).</summary>
    public bool WithinCap { get; init; }
    public PricingForm? PricingForm { get; init; }
    public required string LegalBasis { get; init; }
    public PaidBy? PaidBy { get; init; }
    /// <summary>Extended services: the provider's id, or absent for the default provider.</summary>
    public string? Provider { get; init; }
    public int SortOrder { get; init; }
    /// <summary>Changes on every write; send it back in If-Match to update safely.</summary>
    public int Revision { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
