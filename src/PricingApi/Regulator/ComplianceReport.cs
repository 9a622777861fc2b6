using PricingApi.FeeList;
using PricingApi.Pricing;

namespace PricingApi.Regulator;

/// <summary>
/// Whether every extended service of one published version respects the cost-profit cap in force for it
/// (成本利润率不超过10%): recomputed from the version's itemised costs, not read from its stored figures.
/// </summary>
public sealed record ComplianceReport
{
    public int Version { get; init; }
    public DateTimeOffset EffectiveFrom { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    /// <summary>
    /// What the version is now, as in the versions list: in effect, scheduled, superseded, or withdrawn before it took
    /// effect (then never in effect, so nothing was charged from it).
    /// </summary>
    public VersionStatus? Status { get; init; }
    /// <summary>When the version was withdrawn; absent unless it was.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }
    /// <summary>Why it was withdrawn.</summary>
    public string? WithdrawalReason { get; init; }
    /// <summary>True when the version was published from the sample seed (illustrative prices, 示例数据); absent for a real list.</summary>
    public bool? Sample { get; init; }
    /// <summary>The SHA-256 of the version checked, as in the versions list.</summary>
    public required string Digest { get; init; }
    /// <summary>The cap in force for this version, as a fraction (0.10 = 10%).</summary>
    public decimal CostProfitCap { get; init; }
    /// <summary>True when every extended service is within the cap.</summary>
    public bool Compliant { get; init; }
    public int BreachCount { get; init; }
    public required IReadOnlyList<Line> ExtendedServices { get; init; }

    /// <summary>One extended service, checked.</summary>
    public sealed record Line
    {
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string NameEn { get; init; }
        public required CostBasis CostBasis { get; init; }
        /// <summary>The sum of the itemised cost basis.</summary>
        public decimal Cost { get; init; }
        public decimal PriceExcludingTax { get; init; }
        /// <summary>(priceExcludingTax − cost) ÷ cost, to six decimals.</summary>
        public decimal CostProfitRatio { get; init; }
        /// <summary>The highest whole-fen tax-exclusive price the cap allows for this cost.</summary>
        public decimal HighestAllowedPrice { get; init; }
        /// <summary>priceExcludingTax ≤ cost × (1 + costProfitCap), compared exactly (not through the rounded ratio).</summary>
        public bool WithinCap { get; init; }
    }

    /// <summary>
    /// The report on <paramref name="document"/>, whose entry in the versions list, labelled with its status now, is
    /// <paramref name="listed"/> (the endpoint always gives it; without it the report states no status).
    /// </summary>
    public static ComplianceReport For(CostedFeeListDocument document, string digest, VersionSummary? listed = null)
    {
        var cap = new CostProfitCap(document.CostProfitCap);
        var lines = document.ExtendedServices.Select(e => LineFor(e, cap)).ToList();
        var breaches = lines.Count(l => !l.WithinCap);
        return new ComplianceReport
        {
            Version = document.Version,
            EffectiveFrom = document.EffectiveFrom,
            PublishedAt = document.PublishedAt,
            Status = listed?.Status,
            WithdrawnAt = listed?.WithdrawnAt,
            WithdrawalReason = listed?.WithdrawalReason,
            Sample = document.Sample,
            Digest = digest,
            CostProfitCap = document.CostProfitCap,
            Compliant = breaches == 0,
            BreachCount = breaches,
            ExtendedServices = lines,
        };
    }

    public static Line LineFor(CostedExtendedServiceEntry service, CostProfitCap cap)
    {
        // Recomputed from the stored cost basis and price, not read from the version's stored figures.
        var priced = new PricedService(service.CostBasis, service.PriceExcludingTax, service.VatRate, cap);
        return new Line
        {
            Code = service.Code,
            Name = service.Name,
            NameEn = service.NameEn,
            CostBasis = priced.CostBasis,
            Cost = priced.Cost,
            PriceExcludingTax = priced.PriceExcludingTax,
            CostProfitRatio = priced.CostProfitRatio,
            HighestAllowedPrice = priced.HighestAllowedPrice,
            WithinCap = priced.WithinCap,
        };
    }
}
