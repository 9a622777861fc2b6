using PricingApi.FeeList;
using PricingApi.Pricing;

namespace PricingApi.FeePage;

/// <summary>
/// The two lists, kept apart as the regulator requires (清晰界定基础服务与延伸服务): basic services shown as free with
/// who bears their cost; extended services grouped by category with unit, price with VAT, the VAT rate, the price
/// without VAT, what is included, the provider (经营者) and the legal basis. Each row's name is its row header.
/// </summary>
public static class FeePageServices
{
    public static Markup Basic(IReadOnlyList<BasicServiceEntry> services, LegalBasisNotes notes)
    {
        if (services.Count == 0)
        {
            return Markup.Empty;
        }

        var html = new Html();
        html.Append($"""
            <section aria-labelledby="basic">
            <h2 id="basic">基础服务（免费） <span lang="en">Basic services (free)</span></h2>
            <p class="lead">以下服务用户无需支付任何费用，费用由下列单位承担。<span lang="en" class="sub">The customer pays nothing for these services; the party named bears their cost.</span></p>
            <table class="list" aria-labelledby="basic">
            <thead><tr><th scope="col">服务项目 <span lang="en">Service</span></th><th scope="col">用户付费 <span lang="en">Customer pays</span></th><th scope="col">费用承担 <span lang="en">Paid by</span></th><th scope="col">服务内容 <span lang="en">What it covers</span></th><th scope="col">依据 <span lang="en">Basis</span></th></tr></thead>
            <tbody>
            """);
        foreach (var service in services)
        {
            html.Append($"""
                <tr><th scope="row" class="name">{Name(service.Name, service.NameEn, service.Code)}</th><td data-label="用户付费 Customer pays"><span class="free">免费 <span lang="en">Free</span></span></td><td data-label="费用承担 Paid by">{Text.Both(FeeListLabels.PaidBy(service.PaidBy))}</td><td data-label="服务内容 What it covers" class="wide">{service.Description}</td><td data-label="依据 Basis" class="wide">{notes.Cite(service.LegalBasis)}</td></tr>
                """);
        }

        return html.Append($"</tbody></table></section>").ToMarkup();
    }

    public static Markup Extended(IReadOnlyList<ExtendedServiceEntry> services, LegalBasisNotes notes)
    {
        var html = new Html();
        html.Append($"""
            <section aria-labelledby="extended">
            <h2 id="extended">延伸服务（自愿选择，明码标价） <span lang="en">Extended services (optional, at the listed price)</span></h2>
            <p class="lead">仅适用于用户产权（表后）供水设施，由用户自愿选择；价格已含增值税，单位为人民币元。<span lang="en" class="sub">For the customer's own equipment after the meter only, at the customer's choice. Prices include VAT and are in yuan (CNY).</span></p>
            """);
        foreach (var category in Enum.GetValues<ServiceCategory>())
        {
            var items = services.Where(s => s.Category == category).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            var id = "cat-" + FeeListLabels.Code(category);
            html.Append($"""
                <h3 id="{id}">{Text.Both(FeeListLabels.Category(category))}</h3>
                <table class="list" aria-labelledby="{id}">
                <thead><tr><th scope="col">服务项目 <span lang="en">Service</span></th><th scope="col">单位 <span lang="en">Unit</span></th><th scope="col" class="num">含税价（元） <span lang="en">Price incl. VAT</span></th><th scope="col" class="num">税率 <span lang="en">VAT</span></th><th scope="col" class="num">不含税价（元） <span lang="en">Price excl. VAT</span></th><th scope="col">服务内容 <span lang="en">What is included</span></th><th scope="col">经营者 <span lang="en">Provider</span></th><th scope="col">依据 <span lang="en">Basis</span></th></tr></thead>
                <tbody>
                """);
            foreach (var item in items)
            {
                html.Append($"""
                    <tr><th scope="row" class="name">{Name(item.Name, item.NameEn, item.Code)}</th><td data-label="单位 Unit" class="unit">{Text.Both(item.Unit, item.UnitEn)}</td><td data-label="含税价（元） Price incl. VAT (CNY)" class="num"><span class="price">{FeeListLabels.Money(item.Price)}</span>{PricingForm(item.PricingForm)}</td><td data-label="增值税率 VAT rate" class="num">{FeeListLabels.Percent(item.VatRate)}</td><td data-label="不含税价（元） Price excl. VAT (CNY)" class="num">{FeeListLabels.Money(item.PriceExcludingTax)}</td><td data-label="服务内容 What is included" class="wide">{item.Description}</td><td data-label="经营者 Provider">{FeePageArea.Provider(item)}</td><td data-label="依据 Basis" class="wide">{notes.Cite(item.LegalBasis)}</td></tr>
                    """);
            }

            html.Append($"""</tbody></table><p class="to-contents"><a href="#contents">↑ 本页内容 <span lang="en">On this page</span></a></p>""");
        }

        return html.Append($"</section>").ToMarkup();
    }

    /// <summary>The pricing form beside the price, as 明码标价 requires: 市场调节价.</summary>
    private static Markup PricingForm(PricingForm form) =>
        Html.Fragment(h => h.Append($"""<span class="sub pricing-form">{FeeListLabels.PricingForm(form).Zh} <span lang="en">{FeeListLabels.PricingForm(form).En}</span></span>"""));

    public static Markup LegalBases(LegalBasisNotes notes)
    {
        var html = new Html();
        html.Append($"""<section aria-labelledby="bases"><h2 id="bases">收费依据 <span lang="en">Legal basis</span></h2><ol class="bases">""");
        for (var i = 0; i < notes.All.Count; i++)
        {
            html.Append($"""<li id="basis-{i + 1}">{notes.All[i]}</li>""");
        }

        return html.Append($"</ol></section>").ToMarkup();
    }

    private static Markup Name(string name, string nameEn, string code) =>
        Html.Fragment(h => h.Append($"""{name} <span lang="en">{nameEn}</span><span class="code">{code}</span>"""));
}

/// <summary>Numbers each distinct legal basis once, in the order first cited: a basis twenty items share is printed once.</summary>
public sealed class LegalBasisNotes
{
    private readonly List<string> _bases = [];

    public IReadOnlyList<string> All => _bases;

    /// <summary>A link to the basis's note, numbering it on first use.</summary>
    public Markup Cite(string basis)
    {
        var index = _bases.IndexOf(basis);
        if (index < 0)
        {
            _bases.Add(basis);
            index = _bases.Count - 1;
        }

        return Html.Fragment(h => h.Append($"""<a href="#basis-{index + 1}"><span class="vh">收费依据 Legal basis </span>[{index + 1}]</a>"""));
    }
}
