using System.Text;
using System.Text.Json;
using PricingApi.Audit;
using PricingApi.Catalog;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Pricing;
using PricingApi.Providers;
using PricingApi.ServiceArea;
using PricingApi.Utility;

namespace PricingApi.Publishing;

/// <summary>Freezes the working catalog into the document of a new version, and computes its digest.</summary>
public static class FeeListSnapshot
{
    public static CostedFeeListDocument Build(
        int version, DateTimeOffset effectiveFrom, DateTimeOffset publishedAt, Actor publisher,
        CostProfitCap cap, UtilityOptions utility, IReadOnlyCollection<CatalogItem> catalog, string? previousDigest = null,
        ServiceAreaEntry? serviceArea = null, ProvidersOptions? providers = null, LegalBases.LegalBasisRegister? register = null, bool sample = false)
    {
        var ordered = catalog.OrderBy(i => i.SortOrder).ThenBy(i => i.Code, CodeOrder).ToList();
        return new CostedFeeListDocument
        {
            Version = version,
            EffectiveFrom = effectiveFrom,
            PublishedAt = publishedAt,
            PublishedBy = publisher.Name,
            CostProfitCap = cap.Rate,
            Publisher = utility.Publisher,
            ServicePhone = utility.ServicePhone,
            SupervisionPhone = utility.SupervisionPhone,
            ServiceArea = serviceArea,
            Sample = sample ? true : null,
            BasicServices = ordered.OfType<BasicService>().Select(b => b.ToEntry(register)).ToList(),
            ExtendedServices = ordered.OfType<ExtendedService>().Select(e => WithProvider(e.ToEntry(cap, register), e.ProviderId, providers)).ToList(),
            PreviousDigest = previousDigest,
        };
    }

    /// <summary>Ties in sortOrder are broken by code with numbers compared as numbers: EXT-TANK-CLEAN-20 before EXT-TANK-CLEAN-100.</summary>
    public static readonly StringComparer CodeOrder = StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CompareOptions.NumericOrdering);

    /// <summary>A service that names no provider is the default provider's (the first configured).</summary>
    private static CostedExtendedServiceEntry WithProvider(CostedExtendedServiceEntry entry, string? providerId, ProvidersOptions? providers)
    {
        entry.Provider = providers is null ? null : ProviderEntry.From(providers.For(providerId));
        return entry;
    }

    /// <summary>The canonical JSON of a version (compact, UTF-8, the API's naming) and the SHA-256 of those bytes.</summary>
    public static (byte[] Json, string Digest) Serialize(CostedFeeListDocument document)
    {
        var bytes = PricingJson.SerializeLarge(document);
        return (bytes, Sha256.Hex(bytes));
    }

}
