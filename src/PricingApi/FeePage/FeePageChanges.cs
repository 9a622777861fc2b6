using PricingApi.FeeList;

namespace PricingApi.FeePage;

/// <summary>
/// Price changes told before they happen (每次调价提前公示): each announced version with what it will change, and on
/// a version's own page what it changed against the one before. Prices shown are the tax-inclusive ones.
/// </summary>
public static class FeePageChanges
{
    public static Markup Announced(IReadOnlyList<VersionChanges> announced)
    {
        if (announced.Count == 0)
        {
            return Markup.Empty;
        }

        var html = new Html();
        html.Append($"""<section class="notice" aria-labelledby="announced"><h2 id="announced">调价公告 <span lang="en">Announced changes</span></h2>""");
        foreach (var changes in announced)
        {
            var from = FeeListLabels.Date(changes.EffectiveFrom);
            html.Append($"""
                <article aria-labelledby="announced-{changes.Version}">
                <h3 id="announced-{changes.Version}">自{from.Zh}起调整 <span lang="en">From {from.En} these prices change</span></h3>
                <p>第{changes.Version}版已公布，届时取代现行目录。<span lang="en">Version {changes.Version} has been published and then replaces the list in effect.</span> <a href="/fees/{changes.Version}">查看第{changes.Version}版全文 <span lang="en">See version {changes.Version} in full</span></a></p>
                {Body(changes)}
                </article>
                """);
        }

        return html.Append($"</section>").ToMarkup();
    }

    public static Markup OfThisVersion(VersionChanges? changes)
    {
        if (changes?.PreviousVersion is not { } previous)
        {
            return Markup.Empty;
        }

        return Html.Fragment(h => h.Append($"""
            <section aria-labelledby="changes">
            <h2 id="changes">本版变更 <span lang="en">What this version changed</span></h2>
            <p class="lead">与第{previous}版相比。<span lang="en">Compared with version {previous}.</span></p>
            {Body(changes)}
            </section>
            """));
    }

    private static Markup Body(VersionChanges changes)
    {
        var html = new Html();
        if (changes.Repriced.Count > 0)
        {
            html.Append($"""
                <table class="list changes"><caption class="vh">调价项目 Repriced services</caption>
                <thead><tr><th scope="col">调价项目 <span lang="en">Repriced service</span></th><th scope="col" class="num">调整前（元） <span lang="en">Before (CNY)</span></th><th scope="col" class="num">调整后（元） <span lang="en">After (CNY)</span></th></tr></thead>
                <tbody>
                """);
            foreach (var r in changes.Repriced)
            {
                // A unit changed with the price is said beside each price: 636.00 a 百米 and 6.36 a 米 are not a cut.
                var units = r.OldUnit != r.NewUnit || r.OldUnitEn != r.NewUnitEn;
                var before = PriceFor(r.OldPrice, r.OldUnit, r.OldUnitEn, units);
                var after = PriceFor(r.NewPrice, r.NewUnit, r.NewUnitEn, units);
                html.Append($"""<tr><th scope="row" class="name">{Text.Both(r.Name, r.NameEn)}</th><td data-label="调整前（元） Before (CNY)" class="num">{before}</td><td data-label="调整后（元） After (CNY)" class="num price">{after}</td></tr>""");
            }

            html.Append($"</tbody></table>");
        }

        html.Append($"{Services("新增项目", "Added", changes.Added, withPrice: true)}{Services("取消项目", "Removed", changes.Removed, withPrice: false)}{Services("说明调整，价格不变", "Wording changed, same price", changes.Amended, withPrice: false)}");
        if (changes.Repriced.Count + changes.Added.Count + changes.Removed.Count + changes.Amended.Count == 0)
        {
            html.Append($"""<p>项目与价格均无变化。<span lang="en" class="sub">No service or price changes.</span></p>""");
        }

        return html.ToMarkup();
    }

    private static Markup Services(string headingZh, string headingEn, IReadOnlyList<VersionChanges.ServiceRef> services, bool withPrice)
    {
        if (services.Count == 0)
        {
            return Markup.Empty;
        }

        var html = new Html();
        html.Append($"""<h4>{Text.Both(headingZh, headingEn)}</h4><ul>""");
        foreach (var s in services)
        {
            var price = !withPrice ? Markup.Empty
                : s.Kind == Pricing.ServiceKind.Basic ? Html.Fragment(h => h.Append($"""：<span class="free">免费 <span lang="en">Free</span></span>"""))
                : Html.Fragment(h => h.Append($"""：<strong>{FeeListLabels.Money(s.Price)}</strong> 元"""));
            html.Append($"""<li>{Text.Both(s.Name, s.NameEn)}{price}</li>""");
        }

        return html.Append($"</ul>").ToMarkup();
    }

    /// <summary>A price, with the unit it is for when <paramref name="withUnit"/>.</summary>
    private static Markup PriceFor(decimal price, string unit, string unitEn, bool withUnit) => Html.Fragment(h =>
    {
        if (withUnit)
        {
            h.Append($"{FeeListLabels.Money(price)} / {Text.Both(unit, unitEn)}");
        }
        else
        {
            h.Append($"{FeeListLabels.Money(price)}");
        }
    });
}
