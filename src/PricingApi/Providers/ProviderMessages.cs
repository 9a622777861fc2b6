using PricingApi.FeeList;

namespace PricingApi.Providers;

/// <summary>Refusals about providers, Chinese first with English beside (for the localization resources).</summary>
public static class ProviderMessages
{
    public static Bilingual TwoProviders(IEnumerable<(string Provider, IEnumerable<string> Codes)> groups)
    {
        var list = groups.ToList();
        return new(
            "一张报价单只能由一家经营者出具。本次所选服务分属不同经营者："
            + string.Join("；", list.Select(g => $"{g.Provider}（{string.Join("、", g.Codes)}）")) + "。请按经营者分别出具报价单。",
            "A quote is issued by one provider only. These services belong to different providers: "
            + string.Join("; ", list.Select(g => $"{g.Provider} ({string.Join(", ", g.Codes)})")) + ". Issue one quote per provider.");
    }

    public static string UnknownProvider(IEnumerable<string> ids) =>
        $"'provider' must be one of the configured providers: {string.Join(", ", ids)}.";
}
