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
        html.Append($"""
            <h1>{header} <span class="en" lang="en">{headerEn}</span></h1>
            <h2>延伸服务报价单 <span class="en" lang="en">Extended-services quotation</span></h2>
            <p>经营者 <span class="en" lang="en">Provider</span>: <strong>{providerName}</strong><br>收费目录发布单位 <span class="en" lang="en">Fee list published by</span>: {version.Publisher} <span class="en" lang="en">{publisherEn}</span></p>

            """);
        if (quote.Status is QuoteStatus.Cancelled or QuoteStatus.Expired)
        {
            html.Append($"""<p class="void">{(quote.Status == QuoteStatus.Cancelled ? "已作废 (Cancelled)" : "已过期 (Expired)")}</p>""");
        }

        html.Append($"""
            <p>报价单号 <span class="en" lang="en">Quote number</span>: <strong>{quote.Number}</strong><br>报价日期 <span class="en" lang="en">Issued</span>: {Date(quote.CreatedAt)}<br>有效期至 <span class="en" lang="en">Valid until</span>: <strong>{Date(quote.ValidUntil)}</strong></p>
            <p>客户 <span class="en" lang="en">Customer</span>: {quote.Customer.Name}<br>电话 <span class="en" lang="en">Phone</span>: {quote.Customer.Phone}<br>地址 <span class="en" lang="en">Address</span>: {quote.Customer.District}{quote.Customer.Street} {quote.Customer.Address}</p>
            <table><thead><tr><th scope="col">序号<br><span class="en" lang="en">No.</span></th><th scope="col">服务项目<br><span class="en" lang="en">Service</span></th><th scope="col">单位<br><span class="en" lang="en">Unit</span></th><th scope="col">数量<br><span class="en" lang="en">Qty</span></th><th scope="col">单价（元，含税）<br><span class="en" lang="en">Unit price (CNY, tax incl.)</span></th><th scope="col">金额（元）<br><span class="en" lang="en">Amount (CNY)</span></th></tr></thead><tbody>

            """);
        var n = 0;
        foreach (var line in quote.Lines)
        {
            html.Append($"""
                <tr><td class="n">{++n}</td><td>{line.Name} <span class="en" lang="en">{line.NameEn} · {line.ServiceCode}</span></td><td>{line.Unit} <span class="en" lang="en">{line.UnitEn}</span></td><td class="n">{Num(line.Quantity)}</td><td class="n">{Money(line.UnitPrice)}</td><td class="n">{Money(line.LineTotal)}</td></tr>

                """);
        }

        html.Append($"""
            </tbody><tfoot><tr><th scope="row" colspan="5">合计（元，含税） <span class="en" lang="en">Total (CNY, tax incl.)</span></th><td class="n"><strong>{Money(quote.Total)}</strong></td></tr></tfoot></table>
            <p>价格依据 <span class="en" lang="en">Prices from</span>: 延伸服务收费目录清单第 {quote.FeeListVersion} 版，自 {Date(version.EffectiveFrom)} 起执行 <span class="en" lang="en">(fee list version {quote.FeeListVersion}, in effect from {DateEn(version.EffectiveFrom)})</span></p>
            <p>收费依据 <span class="en" lang="en">Legal basis</span>:</p><ul>

            """);
        foreach (var basis in quote.Lines.Select(l => l.LegalBasis).Distinct(StringComparer.Ordinal))
        {
            html.Append($"<li>{basis}</li>\n");
        }

        html.Append($"""
            </ul>
            <p>延伸服务为用户自愿选择的有偿服务，仅按公示价格收费，不收取未标明的费用。<span class="en" lang="en">Extended services are optional and paid; nothing beyond the published prices is charged.</span></p>
            <p>服务电话 <span class="en" lang="en">Service</span>: {version.ServicePhone}　价格举报电话 <span class="en" lang="en">Price supervision</span>: {version.SupervisionPhone}</p>

            """);
        return Close(html);
    }
}
