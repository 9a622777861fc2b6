using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PricingApi.Data;
using PricingApi.FeeList;
using PricingApi.Providers;
using PricingApi.Utility;
using static PricingApi.Quotes.PrintedPage;

namespace PricingApi.Quotes;

/// <summary>
/// The quote as a page a clerk prints and hands over (Chinese first, English beside): the provider's letterhead and name (the
/// 经营者 who performs and charges), the number in its series, the items
/// with units and prices, the total, the fee-list version and the documents the charges rest on, the validity date and
/// the price-supervision phone (价格举报电话) a published Chinese price must show. Every value is HTML-encoded.
/// </summary>
public static class QuotePrintPage
{
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> HandleAsync(
        string number, PricingDbContext db, FeeListStore store, UtilityClock clock, IOptions<UtilityOptions> utility, IOptions<ProvidersOptions> providers, CancellationToken ct)
    {
        var quote = await db.FindQuoteAsync(number, ct);
        if (quote is null)
        {
            return QuoteEndpoints.UnknownNumber(number);
        }

        // The version is immutable, so the page shows exactly what the quote was priced from.
        var version = await store.GetAsync(quote.FeeListVersion, ct)
                      ?? throw new InvalidOperationException($"Quote {number} refers to fee-list version {quote.FeeListVersion}, which is not stored.");
        return TypedResults.Content(Render(quote.ToResponse(clock.Now), version.Public, utility.Value.PublisherEn, providers.Value.Find(quote.ProviderId)),
            ContentType);
    }

    /// <summary>The page; <paramref name="provider"/> is the quote's provider as configured now (its letterhead), null for the published name alone.</summary>
    public static string Render(QuoteResponse quote, FeeListDocument version, string publisherEn, ProviderOptions? provider = null)
    {
        var (providerName, providerNameEn) = ChargeProvider.For(quote, version, provider, publisherEn);
        var header = provider?.QuoteHeader is { Length: > 0 } configured ? configured : providerName;
        var headerEn = provider?.QuoteHeaderEn is { Length: > 0 } configuredEn ? configuredEn : providerNameEn;
        var html = Open("报价单 " + quote.Number);
        html.Append("<h1>").Append(E(header)).Append(" <span class=\"en\">").Append(E(headerEn)).Append("</span></h1>\n")
            .Append("<h2>延伸服务报价单 <span class=\"en\">Extended-services quotation</span></h2>\n")
            .Append("<p>经营者 <span class=\"en\">Provider</span>: <strong>").Append(E(providerName)).Append("</strong><br>")
            .Append("收费目录发布单位 <span class=\"en\">Fee list published by</span>: ").Append(E(version.Publisher))
            .Append(" <span class=\"en\">").Append(E(publisherEn)).Append("</span></p>\n");
        if (quote.Status is QuoteStatus.Cancelled or QuoteStatus.Expired)
        {
            html.Append("<p class=\"void\">").Append(quote.Status == QuoteStatus.Cancelled ? "已作废 (Cancelled)" : "已过期 (Expired)").Append("</p>\n");
        }

        html.Append("<p>报价单号 <span class=\"en\">Quote number</span>: <strong>").Append(E(quote.Number)).Append("</strong><br>")
            .Append("报价日期 <span class=\"en\">Issued</span>: ").Append(Date(quote.CreatedAt)).Append("<br>")
            .Append("有效期至 <span class=\"en\">Valid until</span>: <strong>").Append(Date(quote.ValidUntil)).Append("</strong></p>\n")
            .Append("<p>客户 <span class=\"en\">Customer</span>: ").Append(E(quote.Customer.Name)).Append("<br>电话 <span class=\"en\">Phone</span>: ")
            .Append(E(quote.Customer.Phone)).Append("<br>地址 <span class=\"en\">Address</span>: ").Append(E(quote.Customer.District))
            .Append(E(quote.Customer.Street ?? "")).Append(' ').Append(E(quote.Customer.Address)).Append("</p>\n")
            .Append("<table><thead><tr><th>序号<br><span class=\"en\">No.</span></th><th>服务项目<br><span class=\"en\">Service</span></th>")
            .Append("<th>单位<br><span class=\"en\">Unit</span></th><th>数量<br><span class=\"en\">Qty</span></th>")
            .Append("<th>单价（元，含税）<br><span class=\"en\">Unit price (CNY, tax incl.)</span></th><th>金额（元）<br><span class=\"en\">Amount (CNY)</span></th></tr></thead><tbody>\n");
        var n = 0;
        foreach (var line in quote.Lines)
        {
            html.Append("<tr><td class=\"n\">").Append(++n).Append("</td><td>").Append(E(line.Name)).Append(" <span class=\"en\">")
                .Append(E(line.NameEn)).Append(" · ").Append(E(line.ServiceCode)).Append("</span></td><td>").Append(E(line.Unit))
                .Append(" <span class=\"en\">").Append(E(line.UnitEn)).Append("</span></td><td class=\"n\">").Append(Num(line.Quantity))
                .Append("</td><td class=\"n\">").Append(Money(line.UnitPrice)).Append("</td><td class=\"n\">").Append(Money(line.LineTotal)).Append("</td></tr>\n");
        }

        html.Append("</tbody><tfoot><tr><th colspan=\"5\">合计（元，含税） <span class=\"en\">Total (CNY, tax incl.)</span></th><th class=\"n\">")
            .Append(Money(quote.Total)).Append("</th></tr></tfoot></table>\n")
            .Append("<p>价格依据 <span class=\"en\">Prices from</span>: 延伸服务收费目录清单第 ").Append(quote.FeeListVersion)
            .Append(" 版，自 ").Append(Date(version.EffectiveFrom)).Append(" 起执行 <span class=\"en\">(fee list version ")
            .Append(quote.FeeListVersion).Append(", in effect from ").Append(DateEn(version.EffectiveFrom)).Append(")</span></p>\n")
            .Append("<p>收费依据 <span class=\"en\">Legal basis</span>:</p><ul>\n");
        foreach (var basis in quote.Lines.Select(l => l.LegalBasis).Distinct(StringComparer.Ordinal))
        {
            html.Append("<li>").Append(E(basis)).Append("</li>\n");
        }

        return html.Append("</ul>\n<p>延伸服务为用户自愿选择的有偿服务，仅按公示价格收费，不收取未标明的费用。")
            .Append("<span class=\"en\">Extended services are optional and paid; nothing beyond the published prices is charged.</span></p>\n")
            .Append("<p>服务电话 <span class=\"en\">Service</span>: ").Append(E(version.ServicePhone))
            .Append("　价格举报电话 <span class=\"en\">Price supervision</span>: ").Append(E(version.SupervisionPhone)).Append("</p>\n</body></html>\n")
            .ToString();
    }
}
