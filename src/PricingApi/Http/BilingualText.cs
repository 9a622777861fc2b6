using System.Globalization;

namespace PricingApi.Http;

/// <summary>
/// A user-facing text in Chinese and English, with {0}-style placeholders. The request's UI culture picks the
/// language (see <c>Localization</c>); keep each feature's texts together in its *Messages class.
/// </summary>
public sealed record BilingualText(string Zh, string En)
{
    public string Format(params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, IsChinese(CultureInfo.CurrentUICulture) ? Zh : En, args);

    private static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";
}
