using PricingApi.FeeList;

namespace PricingApi.FeePage;

/// <summary>Chinese first, the English beside it in a lang="en" span (so screen readers switch voice).</summary>
public static class Text
{
    public static Markup Both(string zh, string en) => Html.Fragment(h => h.Append($"""{zh} <span lang="en">{en}</span>"""));

    public static Markup Both(Bilingual label) => Both(label.Zh, label.En);

    public static Markup En(string en) => Html.Fragment(h => h.Append($"""<span lang="en">{en}</span>"""));
}
