using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PricingApi.Data;
using PricingApi.FeeList;
using PricingApi.FeePage;
using PricingApi.Http;
using PricingApi.Providers;
using PricingApi.Utility;
using static PricingApi.Quotes.PrintedPage;

namespace PricingApi.Quotes;

/// <summary>
/// The receipt (收费凭证) a clerk prints for the customer once the work is charged: the provider, the quote number, what was
/// done, each unit price with the fee-list version it came from (a price cut since the quote is shown as such), the total,
/// and the service and price-complaint phones. Built like the quote page, on the same <see cref="PrintedPage"/>.
/// </summary>
public static class ReceiptPage
{
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> HandleAsync(
        string number, PricingDbContext db, FeeListStore store, UtilityClock clock, IOptions<UtilityOptions> utility, IOptions<ProvidersOptions> providers, CancellationToken ct)
    {
        if (await db.FindQuoteAsync(number, ct) is not { } quote)
        {
            return QuoteEndpoints.UnknownNumber(number);
        }

        if (quote.Charge is not { } charge)
        {
            return Problems.Conflict(ReceiptMessages.NotCompleted(number), ReceiptMessages.NoReceipt);
        }

        // The phones and provider are those of the list in effect when the work was charged.
        var version = await store.GetAsync(charge.FeeListVersionAtCharge, ct)
                      ?? throw new InvalidOperationException($"Charge of quote {number} refers to fee-list version {charge.FeeListVersionAtCharge}, which is not stored.");
        return TypedResults.Content(Render(quote.ToResponse(clock.Now), version.Public, utility.Value, providers.Value.Find(quote.ProviderId)), ContentType);
    }

    public static string Render(QuoteResponse quote, FeeListDocument version, UtilityOptions utility, ProviderOptions? providerOptions = null)
    {
        var charge = quote.Charge!;
        var (provider, providerEn) = ChargeProvider.For(quote, version, providerOptions, utility.PublisherEn);
        var quoted = quote.Lines.GroupBy(l => l.ServiceCode).ToDictionary(g => g.Key, g => g.First());
        var html = Open("收费凭证 " + quote.Number);
        html.Append($"""
            <h1>{provider} <span class="en" lang="en">{providerEn}</span></h1>
            <h2>延伸服务收费凭证 <span class="en" lang="en">Extended-services receipt</span></h2>
            <p>报价单号 <span class="en" lang="en">Quote number</span>: <strong>{quote.Number}</strong><br>完工收费时间 <span class="en" lang="en">Completed and charged</span>: {Date(charge.ChargedAt)}<br>经营者 <span class="en" lang="en">Provider</span>: {provider}</p>
            <p>客户 <span class="en" lang="en">Customer</span>: {quote.Customer.Name}<br>地址 <span class="en" lang="en">Address</span>: {quote.Customer.District}{quote.Customer.Street} {quote.Customer.Address}</p>
            <table><thead><tr><th scope="col">序号<br><span class="en" lang="en">No.</span></th><th scope="col">服务项目<br><span class="en" lang="en">Service</span></th><th scope="col">单位<br><span class="en" lang="en">Unit</span></th><th scope="col">完工数量<br><span class="en" lang="en">Qty done</span></th><th scope="col">单价（元，含税）<br><span class="en" lang="en">Unit price (CNY, tax incl.)</span></th><th scope="col">价格来源<br><span class="en" lang="en">Price from</span></th><th scope="col">金额（元）<br><span class="en" lang="en">Amount (CNY)</span></th></tr></thead><tbody>

            """);
        var n = 0;
        foreach (var line in charge.Lines)
        {
            var item = quoted[line.ServiceCode];
            var cut = line.UnitPrice < line.QuotedUnitPrice
                ? Html.Fragment(h => h.Append($"""<br>报价单价 {Money(line.QuotedUnitPrice)}，按降价后价格收费 <span class="en" lang="en">quoted at {Money(line.QuotedUnitPrice)}, charged at the lower price now in effect</span>"""))
                : Markup.Empty;
            html.Append($"""
                <tr><td class="n">{++n}</td><td>{item.Name} <span class="en" lang="en">{item.NameEn} · {line.ServiceCode}</span></td><td>{item.Unit} <span class="en" lang="en">{item.UnitEn}</span></td><td class="n">{Num(line.Quantity)}</td><td class="n">{Money(line.UnitPrice)}</td><td>收费目录第 {line.FeeListVersion} 版 <span class="en" lang="en">list version {line.FeeListVersion}</span>{cut}</td><td class="n">{Money(line.LineTotal)}</td></tr>

                """);
        }

        html.Append($"""
            </tbody><tfoot><tr><th scope="row" colspan="6">合计（元，含税） <span class="en" lang="en">Total (CNY, tax incl.)</span></th><td class="n"><strong>{Money(charge.Total)}</strong></td></tr></tfoot></table>
            <p>每项单价取报价单价与完工时执行价格中的较低者，不收取收费目录以外的任何费用。<span class="en" lang="en">Each unit price is the lower of the quoted price and the price in effect at completion; nothing not on the published list is charged.</span></p>
            <p>服务电话 <span class="en" lang="en">Service</span>: {version.ServicePhone}　价格投诉举报电话 <span class="en" lang="en">Price complaints</span>: {version.SupervisionPhone}</p>

            """);
        return Close(html);
    }
}

/// <summary>The receipt's refusals, Chinese first, English beside.</summary>
public static class ReceiptMessages
{
    public const string NoReceipt = "There is no receipt to print.";
    public const string NotCompletedTemplate = "Quote {0} has not been completed and charged; there is no receipt yet.";

    public static string NotCompleted(string number) => string.Format(System.Globalization.CultureInfo.InvariantCulture, NotCompletedTemplate, number);
}
