using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PricingApi.Data;
using PricingApi.FeeList;
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
        var html = Open("收费凭证 " + quote.Number)
            .Append("<h1>").Append(E(provider)).Append(" <span class=\"en\">").Append(E(providerEn)).Append("</span></h1>\n")
            .Append("<h2>延伸服务收费凭证 <span class=\"en\">Extended-services receipt</span></h2>\n")
            .Append("<p>报价单号 <span class=\"en\">Quote number</span>: <strong>").Append(E(quote.Number)).Append("</strong><br>")
            .Append("完工收费时间 <span class=\"en\">Completed and charged</span>: ").Append(Date(charge.ChargedAt)).Append("<br>")
            .Append("经营者 <span class=\"en\">Provider</span>: ").Append(E(provider)).Append("</p>\n")
            .Append("<p>客户 <span class=\"en\">Customer</span>: ").Append(E(quote.Customer.Name)).Append("<br>地址 <span class=\"en\">Address</span>: ")
            .Append(E(quote.Customer.District)).Append(E(quote.Customer.Street ?? "")).Append(' ').Append(E(quote.Customer.Address)).Append("</p>\n")
            .Append("<table><thead><tr><th>序号<br><span class=\"en\">No.</span></th><th>服务项目<br><span class=\"en\">Service</span></th>")
            .Append("<th>单位<br><span class=\"en\">Unit</span></th><th>完工数量<br><span class=\"en\">Qty done</span></th>")
            .Append("<th>单价（元，含税）<br><span class=\"en\">Unit price (CNY, tax incl.)</span></th>")
            .Append("<th>价格来源<br><span class=\"en\">Price from</span></th><th>金额（元）<br><span class=\"en\">Amount (CNY)</span></th></tr></thead><tbody>\n");
        var n = 0;
        foreach (var line in charge.Lines)
        {
            var item = quoted[line.ServiceCode];
            html.Append("<tr><td class=\"n\">").Append(++n).Append("</td><td>").Append(E(item.Name)).Append(" <span class=\"en\">")
                .Append(E(item.NameEn)).Append(" · ").Append(E(line.ServiceCode)).Append("</span></td><td>").Append(E(item.Unit))
                .Append(" <span class=\"en\">").Append(E(item.UnitEn)).Append("</span></td><td class=\"n\">").Append(Num(line.Quantity))
                .Append("</td><td class=\"n\">").Append(Money(line.UnitPrice)).Append("</td><td>收费目录第 ").Append(line.FeeListVersion)
                .Append(" 版 <span class=\"en\">list version ").Append(line.FeeListVersion).Append("</span>");
            if (line.UnitPrice < line.QuotedUnitPrice)
            {
                html.Append("<br>报价单价 ").Append(Money(line.QuotedUnitPrice)).Append("，按降价后价格收费 <span class=\"en\">quoted at ")
                    .Append(Money(line.QuotedUnitPrice)).Append(", charged at the lower price now in effect</span>");
            }

            html.Append("</td><td class=\"n\">").Append(Money(line.LineTotal)).Append("</td></tr>\n");
        }

        return html.Append("</tbody><tfoot><tr><th colspan=\"6\">合计（元，含税） <span class=\"en\">Total (CNY, tax incl.)</span></th><th class=\"n\">")
            .Append(Money(charge.Total)).Append("</th></tr></tfoot></table>\n")
            .Append("<p>每项单价取报价单价与完工时执行价格中的较低者，不收取收费目录以外的任何费用。")
            .Append("<span class=\"en\">Each unit price is the lower of the quoted price and the price in effect at completion; nothing not on the published list is charged.</span></p>\n")
            .Append("<p>服务电话 <span class=\"en\">Service</span>: ").Append(E(version.ServicePhone))
            .Append("　价格投诉举报电话 <span class=\"en\">Price complaints</span>: ").Append(E(version.SupervisionPhone)).Append("</p>\n</body></html>\n")
            .ToString();
    }
}

/// <summary>The receipt's refusals, Chinese first, English beside.</summary>
public static class ReceiptMessages
{
    public const string NoReceipt = "There is no receipt to print.";
    public const string NotCompletedTemplate = "Quote {0} has not been completed and charged; there is no receipt yet.";

    public static string NotCompleted(string number) => string.Format(System.Globalization.CultureInfo.InvariantCulture, NotCompletedTemplate, number);
}
