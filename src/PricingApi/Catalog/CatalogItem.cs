using PricingApi.Pricing;

namespace PricingApi.Catalog;

/// <summary>
/// An item of the working catalog: what the pricing admin edits. The public never sees it
/// until it is published into an immutable fee-list version.
/// Basic and extended services are separate types (table-per-hierarchy), so a basic service
/// cannot carry a price and an extended one cannot lose its cost basis.
/// </summary>
public abstract class CatalogItem
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public required string Description { get; set; }
    public required string LegalBasis { get; set; }
    /// <summary>Position on the published list; ties are broken by code.</summary>
    public int SortOrder { get; set; }
    /// <summary>Bumped on every write; the admin API's ETag, and EF's concurrency token.</summary>
    public int Revision { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public abstract ServiceKind Kind { get; }
}

public sealed class BasicService : CatalogItem
{
    public PaidBy PaidBy { get; set; }
    public override ServiceKind Kind => ServiceKind.Basic;
}

public sealed class ExtendedService : CatalogItem
{
    public ServiceCategory Category { get; set; }
    public required string Unit { get; set; }
    public required string UnitEn { get; set; }
    public required CostBasis CostBasis { get; set; }
    public decimal PriceExcludingTax { get; set; }
    public decimal VatRate { get; set; }
    public PricingForm PricingForm { get; set; }
    /// <summary>The configured provider (Providers:Companies) that performs it; null for the default provider.</summary>
    public string? ProviderId { get; set; }
    public override ServiceKind Kind => ServiceKind.Extended;
}
