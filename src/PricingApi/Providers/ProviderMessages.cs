using System.Globalization;
using PricingApi.Http;

namespace PricingApi.Providers;

/// <summary>Refusals about providers, in English; the Chinese is in <c>Http/ProblemTexts.zh.resx</c>.</summary>
public static class ProviderMessages
{
    public const string TwoProvidersTemplate =
        "A quote is issued by one provider only. These services belong to different providers: {0}. Issue one quote per provider.";

    public static ProblemText TwoProviders(IEnumerable<(string Provider, IEnumerable<string> Codes)> groups)
    {
        var list = groups.ToList();
        var english = string.Join("; ", list.Select(g => $"{g.Provider} ({string.Join(", ", g.Codes)})"));
        var chinese = string.Join("；", list.Select(g => $"{g.Provider}（{string.Join("、", g.Codes)}）"));
        return new(string.Format(CultureInfo.InvariantCulture, TwoProvidersTemplate, english), new Dictionary<string, string> { [english] = chinese });
    }

    public static string UnknownProvider(IEnumerable<string> ids) =>
        $"'provider' must be one of the configured providers: {string.Join(", ", ids)}.";
}
