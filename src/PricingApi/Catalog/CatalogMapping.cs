using Mapster;
using PricingApi.Pricing;

namespace PricingApi.Catalog;

/// <summary>
/// Entity → DTO mapping for the working catalog. The derived figures (cost, tax-inclusive price, margin,
/// highest allowed price) are computed here and nowhere else; the cap in force is passed as a map parameter.
/// </summary>
public static class CatalogMapping
{
    private const string CapParameter = "cap";
    private static readonly TypeAdapterConfig Config = CreateConfig();

    public static ServiceResponse ToResponse(this CatalogItem item, CostProfitCap cap) => item switch
    {
        // Mapster picks the mapping by static type, so dispatch on the kind first.
        BasicService basic => basic.BuildAdapter(Config).AddParameters(CapParameter, cap).AdaptToType<ServiceResponse>(),
        ExtendedService extended => extended.BuildAdapter(Config).AddParameters(CapParameter, cap).AdaptToType<ServiceResponse>(),
        _ => throw new InvalidOperationException($"Unknown catalog item type {item.GetType().Name}."),
    };

    private static CostProfitCap Cap => (CostProfitCap)MapContext.Current!.Parameters[CapParameter];

    private static TypeAdapterConfig CreateConfig()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<BasicService, ServiceResponse>()
            .Map(d => d.PriceExcludingTax, _ => 0.00m)
            .Map(d => d.Price, _ => 0.00m)
            .Map(d => d.WithinCap, _ => true);
        // SQLite hands decimals back without trailing zeros (900.0); the contract writes money with two decimals.
        config.NewConfig<CostBasis, CostBasis>().MapWith(c => c.ToFen());
        config.NewConfig<ExtendedService, ServiceResponse>()
            .Map(d => d.Cost, s => s.CostBasis.Total)
            .Map(d => d.PriceExcludingTax, s => Money.ToFen(s.PriceExcludingTax))
            .Map(d => d.VatRate, s => Money.Rate(s.VatRate))
            .Map(d => d.Price, s => Money.TaxInclusive(s.PriceExcludingTax, s.VatRate))
            .Map(d => d.CostProfitRatio, s => CostProfitCap.Ratio(s.CostBasis.Total, s.PriceExcludingTax))
            .Map(d => d.HighestAllowedPrice, s => Cap.HighestAllowedPrice(s.CostBasis.Total))
            .Map(d => d.WithinCap, s => Cap.Allows(s.CostBasis.Total, s.PriceExcludingTax))
            .Map(d => d.Provider, s => s.ProviderId);
        config.Compile();
        return config;
    }
}
