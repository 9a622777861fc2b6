using PricingApi.FeeList;
using PricingApi.ServiceArea;

namespace PricingApi.FeePage;

/// <summary>
/// Where the extended services on the page are offered: a condition of sale, so it stands above their prices, with
/// each partial district's streets and the utility's note while the area is unconfirmed.
/// </summary>
public static class FeePageArea
{
    public static Markup Of(ServiceAreaEntry? area)
    {
        if (area is null)
        {
            return Markup.Empty;
        }

        var html = new Html();
        html.Append($"""
            <section aria-labelledby="area" class="area">
            <h2 id="area">延伸服务区域 <span lang="en">Where extended services are offered</span></h2>
            <p class="lead">{area.Description} <span lang="en" class="sub">{area.DescriptionEn}</span></p>
            <ul class="districts">
            """);
        foreach (var district in area.Districts)
        {
            if (district.Whole)
            {
                html.Append($"""<li>{district.Name}（全域） <span lang="en">whole district</span></li>""");
            }
            else
            {
                html.Append($"""<li>{district.Name}：{string.Join("、", district.Streets)}</li>""");
            }
        }

        html.Append($"</ul>");
        if (area.Excluded.Count > 0)
        {
            html.Append($"""<p>不含 <span lang="en">Excluded</span>：{string.Join("、", area.Excluded)}</p>""");
        }

        if (area.DevelopmentZones.Count > 0)
        {
            html.Append($"""<p>{string.Join("、", area.DevelopmentZones)}内的地址，按其所在的行政区和街道确定。<span lang="en" class="sub">Addresses in development zones count by the district and street they lie in.</span></p>""");
        }

        if (!area.Confirmed && area.Note is { } note)
        {
            html.Append($"""<p class="note">{note}</p>""");
        }

        return html.Append($"</section>").ToMarkup();
    }

    /// <summary>The provider's name for a row, or nothing for a version published before providers were recorded.</summary>
    public static Markup Provider(ExtendedServiceEntry service) => service.Provider is { } provider
        ? Text.Both(provider.Name, provider.NameEn)
        : Markup.Empty;
}
