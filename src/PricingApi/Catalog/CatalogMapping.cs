using Mapster;
using PricingApi.Pricing;

namespace PricingApi.Catalog;

/// <summary>
/// Entity → DTO mapping for the working catalog. Mapster copies what was written; the figures the rules derive
/// from it (cost, tax-inclusive price, margin, highest allowed price) come from <see cref="PricedService"/>.
/// </summary>
public static class CatalogMapping
{
    private static readonly TypeAdapterConfig Config = CreateConfig();

    public static ServiceResponse ToResponse(this CatalogItem item, CostProfitCap cap) => item switch
    {
        // Mapster picks the mapping by static type, so dispatch on the kind first.
        BasicService basic => basic.Adapt<ServiceResponse>(Config),
        ExtendedService extended => extended.Adapt<ServiceResponse>(Config).WithPrice(extended.Priced(cap)),
        _ => throw new InvalidOperationException($"Unknown catalog item type {item.GetType().Name}."),
    };

    /// <summary>The price of an extended service as the rules see it, under <paramref name="cap"/>.</summary>
    public static PricedService Priced(this ExtendedService service, CostProfitCap cap) =>
        new(service.CostBasis, service.PriceExcludingTax, service.VatRate, cap);

    private static ServiceResponse WithPrice(this ServiceResponse response, PricedService priced) => response with
    {
        CostBasis = priced.CostBasis,
        Cost = priced.Cost,
        PriceExcludingTax = priced.PriceExcludingTax,
        VatRate = priced.VatRate,
        Price = priced.Price,
        CostProfitRatio = priced.CostProfitRatio,
        HighestAllowedPrice = priced.HighestAllowedPrice,
        WithinCap = priced.WithinCap,
    };

    private static TypeAdapterConfig CreateConfig()
    {
        var config = new TypeAdapterConfig();
        // A basic service is free: its price is 0 by rule, not by what is stored.
        config.NewConfig<BasicService, ServiceResponse>()
            .Map(d => d.PriceExcludingTax, _ => 0.00m)
            .Map(d => d.Price, _ => 0.00m)
            .Map(d => d.WithinCap, _ => true);
        config.NewConfig<ExtendedService, ServiceResponse>()
            .Ignore(d => d.CostBasis!, d => d.Cost!, d => d.Price, d => d.CostProfitRatio!, d => d.HighestAllowedPrice!, d => d.WithinCap)
            .Map(d => d.Provider, s => s.ProviderId);
        config.Compile();
        return config;
    }
}
