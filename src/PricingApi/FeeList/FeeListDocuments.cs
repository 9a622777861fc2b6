using System.Text.Json.Serialization;
using PricingApi.Pricing;
using PricingApi.Providers;
using PricingApi.ServiceArea;

namespace PricingApi.FeeList;

/// <summary>The fee list as the public sees it: prices, units and what is included; no costs.</summary>
public class FeeListDocument
{
    public int Version { get; init; }
    /// <summary>When this list takes (or took) effect, in the utility's zone (+08:00).</summary>
    public DateTimeOffset EffectiveFrom { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public string Currency { get; init; } = "CNY";
    /// <summary>The cost-profit cap the list was checked against, as a fraction (0.10 = 10%).</summary>
    public decimal CostProfitCap { get; init; }
    public required string Publisher { get; init; }
    public required string ServicePhone { get; init; }
    public required string SupervisionPhone { get; init; }
    /// <summary>Where the extended services are offered, as configured when the version was published; null before that was recorded.</summary>
    public ServiceAreaEntry? ServiceArea { get; init; }
    /// <summary>True when published from the sample seed (illustrative prices, 示例数据); absent for a real list.</summary>
    public bool? Sample { get; init; }
    public required IReadOnlyList<BasicServiceEntry> BasicServices { get; init; }
    public required IReadOnlyList<ExtendedServiceEntry> ExtendedServices { get; init; }
    /// <summary>The digest of the version before this one (null for version 1): the published history is a hash chain.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PreviousDigest { get; init; }
}

/// <summary>A basic service: free to the customer; <c>paidBy</c> says who bears it.</summary>
public sealed record BasicServiceEntry
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public required string Description { get; init; }
    /// <summary>Always 0: a basic service never carries a price to the customer.</summary>
    public decimal Price { get; init; }
    public PaidBy PaidBy { get; init; }
    public required string LegalBasis { get; init; }
}

/// <summary>A paid extended service as published: tax-exclusive price, VAT rate and the tax-inclusive price a customer pays.</summary>
public record ExtendedServiceEntry
{
    public required string Code { get; init; }
    public ServiceCategory Category { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public required string Unit { get; init; }
    public required string UnitEn { get; init; }
    public decimal PriceExcludingTax { get; init; }
    public decimal VatRate { get; init; }
    /// <summary>Tax-inclusive: priceExcludingTax × (1 + vatRate), rounded half-up to the fen.</summary>
    public decimal Price { get; init; }
    /// <summary>What the price includes.</summary>
    public required string Description { get; init; }
    public PricingForm PricingForm { get; init; }
    /// <summary>The document the charge rests on, by name and number.</summary>
    public required string LegalBasis { get; init; }
    /// <summary>The company that performs the service and charges for it (经营者); null in versions published before providers were recorded.</summary>
    public ProviderEntry? Provider { get; set; }
}

/// <summary>An extended service with what regulators check: its itemised cost and resulting margin.</summary>
public sealed record CostedExtendedServiceEntry : ExtendedServiceEntry
{
    public required CostBasis CostBasis { get; init; }
    /// <summary>The sum of the cost basis.</summary>
    public decimal Cost { get; init; }
    /// <summary>(priceExcludingTax − cost) ÷ cost, to six decimals.</summary>
    public decimal CostProfitRatio { get; init; }
}

/// <summary>
/// The complete published version, costs included: the canonical document stored for each version,
/// whose SHA-256 is the version's digest. Regulators download exactly these bytes.
/// </summary>
public sealed class CostedFeeListDocument
{
    public int Version { get; init; }
    public DateTimeOffset EffectiveFrom { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    /// <summary>The name of the key that published this version.</summary>
    public required string PublishedBy { get; init; }
    public string Currency { get; init; } = "CNY";
    public decimal CostProfitCap { get; init; }
    public required string Publisher { get; init; }
    public required string ServicePhone { get; init; }
    public required string SupervisionPhone { get; init; }
    public ServiceAreaEntry? ServiceArea { get; init; }
    /// <summary>True when published from the sample seed (illustrative prices, 示例数据); absent for a real list.</summary>
    public bool? Sample { get; init; }
    public required IReadOnlyList<BasicServiceEntry> BasicServices { get; init; }
    public required IReadOnlyList<CostedExtendedServiceEntry> ExtendedServices { get; init; }
    /// <summary>
    /// The digest of the version before this one (null for version 1). Inside the document, so this version's own
    /// digest and signature cover it: rewriting any earlier version breaks every later link.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? PreviousDigest { get; init; }
}
