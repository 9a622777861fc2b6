using Mapster;
using PricingApi.Catalog;
using PricingApi.LegalBases;
using PricingApi.Pricing;

namespace PricingApi.FeeList;

/// <summary>
/// Catalog entities → published entries, and the costed (regulator) document → the public one. Mapster copies what
/// was written; price, cost and margin come from <see cref="PricedService"/> once, at publication, and are frozen.
/// </summary>
public static class FeeListMapping
{
    private static readonly TypeAdapterConfig Config = CreateConfig();

    /// <summary>A basic service as published; the register turns the clause id it cites into the full citation.</summary>
    public static BasicServiceEntry ToEntry(this BasicService service, LegalBasisRegister? register = null) =>
        service.Adapt<BasicServiceEntry>(Config) with { LegalBasis = Cite(register, service.LegalBasis) };

    /// <summary>An extended service as published: its figures from <see cref="PricedService"/>, its citation from the register.</summary>
    public static CostedExtendedServiceEntry ToEntry(this ExtendedService service, CostProfitCap cap, LegalBasisRegister? register = null)
    {
        var priced = service.Priced(cap);
        return service.Adapt<CostedExtendedServiceEntry>(Config) with
        {
            CostBasis = priced.CostBasis,
            Cost = priced.Cost,
            PriceExcludingTax = priced.PriceExcludingTax,
            VatRate = priced.VatRate,
            Price = priced.Price,
            CostProfitRatio = priced.CostProfitRatio,
            LegalBasis = Cite(register, service.LegalBasis),
        };
    }

    private static string Cite(LegalBasisRegister? register, string legalBasis) => register?.Citation(legalBasis) ?? legalBasis;

    /// <summary>The public face of a published version: the same list, without costs or who published it.</summary>
    public static FeeListDocument ToPublic(this CostedFeeListDocument document) => document.Adapt<FeeListDocument>(Config);

    private static TypeAdapterConfig CreateConfig()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<BasicService, BasicServiceEntry>()
            .Map(d => d.Price, _ => 0.00m);
        config.NewConfig<ExtendedService, CostedExtendedServiceEntry>()
            .Ignore(d => d.Cost, d => d.Price, d => d.CostProfitRatio);
        config.NewConfig<CostedExtendedServiceEntry, ExtendedServiceEntry>();
        config.NewConfig<CostedFeeListDocument, FeeListDocument>();
        config.Compile();
        return config;
    }
}
