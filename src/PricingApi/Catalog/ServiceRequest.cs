using PricingApi.Pricing;

namespace PricingApi.Catalog;

/// <summary>
/// A catalog item as the pricing admin writes it. Every field is nullable so that a missing one is
/// reported by name (400) rather than silently defaulted; the validator says which apply to which kind.
/// </summary>
public sealed class ServiceRequest
{
    /// <summary>Upper-case letters, digits and hyphens, e.g. EXT-TANK-CLEAN-20.</summary>
    public string? Code { get; set; }
    public ServiceKind? Kind { get; set; }
    /// <summary>Extended services only.</summary>
    public ServiceCategory? Category { get; set; }
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    /// <summary>Extended services only: the unit the price is for (次, 处, 样).</summary>
    public string? Unit { get; set; }
    public string? UnitEn { get; set; }
    /// <summary>What the price includes.</summary>
    public string? Description { get; set; }
    /// <summary>Extended services only.</summary>
    public CostBasisRequest? CostBasis { get; set; }
    /// <summary>Extended: the price before VAT, within the cost-profit cap. Basic: 0 or absent.</summary>
    public decimal? PriceExcludingTax { get; set; }
    /// <summary>Basic services only, if sent at all: must be 0.</summary>
    public decimal? Price { get; set; }
    /// <summary>Extended services only: a fraction, 0.06 for 6%.</summary>
    public decimal? VatRate { get; set; }
    /// <summary>Extended services only; market-regulated when absent.</summary>
    public PricingForm? PricingForm { get; set; }
    public string? LegalBasis { get; set; }
    /// <summary>Extended services only: the id of the configured provider that performs it (e.g. shuigong); the default provider when absent.</summary>
    public string? Provider { get; set; }
    /// <summary>Basic services only: who bears the cost.</summary>
    public PaidBy? PaidBy { get; set; }
    /// <summary>Position on the published list (lower first); 0 when absent.</summary>
    public int? SortOrder { get; set; }
}

public sealed class CostBasisRequest
{
    public decimal? Materials { get; set; }
    public decimal? Labour { get; set; }
    public decimal? Machinery { get; set; }
    public decimal? Other { get; set; }
    public decimal? Overhead { get; set; }

    public CostBasis ToCostBasis() =>
        new(Fen(Materials), Fen(Labour), Fen(Machinery), Fen(Other), Fen(Overhead));

    private static decimal Fen(decimal? amount) => Money.ToFen(amount ?? 0m);
}
