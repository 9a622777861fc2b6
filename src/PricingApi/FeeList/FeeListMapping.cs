using Mapster;
using PricingApi.Catalog;
using PricingApi.LegalBases;
using PricingApi.Pricing;

namespace PricingApi.FeeList;

/// <summary>
/// Catalog entities → published entries, and the costed (regulator) document → the public one.
/// Price, cost and margin of a published entry are computed here once, at publication, and then frozen.
/// </summary>
public static class FeeListMapping
{
    private static readonly TypeAdapterConfig Config = CreateConfig();

    private const string RegisterParameter = "legalBases";

    // The register turns the clause id an item cites into the full citation the published list shows.
    public static BasicServiceEntry ToEntry(this BasicService service, LegalBasisRegister? register = null) =>
        service.BuildAdapter(Config).AddParameters(RegisterParameter, register!).AdaptToType<BasicServiceEntry>();

    public static CostedExtendedServiceEntry ToEntry(this ExtendedService service, LegalBasisRegister? register = null) =>
        service.BuildAdapter(Config).AddParameters(RegisterParameter, register!).AdaptToType<CostedExtendedServiceEntry>();

    private static string Cite(string legalBasis) =>
        MapContext.Current?.Parameters.GetValueOrDefault(RegisterParameter) is LegalBasisRegister register ? register.Citation(legalBasis) : legalBasis;

    /// <summary>The public face of a published version: the same list, without costs or who published it.</summary>
    public static FeeListDocument ToPublic(this CostedFeeListDocument document) => document.Adapt<FeeListDocument>(Config);

    private static TypeAdapterConfig CreateConfig()
    {
        var config = new TypeAdapterConfig();
        // SQLite hands decimals back without trailing zeros (900.0); the contract writes money with two decimals.
        config.NewConfig<CostBasis, CostBasis>().MapWith(c => c.ToFen());
        config.NewConfig<BasicService, BasicServiceEntry>()
            .Map(d => d.Price, _ => 0.00m)
            .Map(d => d.LegalBasis, s => Cite(s.LegalBasis));
        config.NewConfig<ExtendedService, CostedExtendedServiceEntry>()
            .Map(d => d.Cost, s => s.CostBasis.Total)
            .Map(d => d.PriceExcludingTax, s => Money.ToFen(s.PriceExcludingTax))
            .Map(d => d.VatRate, s => Money.Rate(s.VatRate))
            .Map(d => d.Price, s => Money.TaxInclusive(s.PriceExcludingTax, s.VatRate))
            .Map(d => d.CostProfitRatio, s => CostProfitCap.Ratio(s.CostBasis.Total, s.PriceExcludingTax))
            .Map(d => d.LegalBasis, s => Cite(s.LegalBasis));
        config.NewConfig<CostedExtendedServiceEntry, ExtendedServiceEntry>();
        config.NewConfig<CostedFeeListDocument, FeeListDocument>();
        config.Compile();
        return config;
    }
}
