using PricingApi.FeeList;
using PricingApi.Providers;

namespace PricingApi.Quotes;

/// <summary>
/// Who performs and charges for the work (经营者), as the printed quote and the receipt name it: the quote's provider.
/// Quotes issued before providers were recorded name none; the publisher of the list issued them.
/// </summary>
public static class ChargeProvider
{
    public static (string Name, string NameEn) For(QuoteResponse quote, FeeListDocument version, ProviderOptions? provider, string publisherEn) =>
        quote.Provider.Name is { Length: > 0 } name ? (name, provider?.NameEn ?? "") : (version.Publisher, publisherEn);
}
