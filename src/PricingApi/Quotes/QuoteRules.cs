using System.Globalization;
using System.Runtime.CompilerServices;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Pricing;
using PricingApi.Providers;

namespace PricingApi.Quotes;

/// <summary>
/// The rules of a quote, as plain functions of the published list: what may be quoted, at what price, and when a quote
/// stops holding. A quote can only be priced from a published version; nothing here reads a client's price.
/// </summary>
public static class QuoteRules
{
    /// <summary>
    /// Units measured rather than counted: only these take a fractional quantity (1.5 百米 = 150 m). Half a tank
    /// cleaning (次) would be a price that is not on the list.
    /// </summary>
    public static readonly IReadOnlySet<string> MeasuredUnits =
        new HashSet<string>(["米", "百米", "千米", "平方米", "立方米", "吨", "千克", "公斤"], StringComparer.Ordinal);

    /// <summary>Each line priced from <paramref name="list"/>, or every refusal (one per broken line) in words for a clerk.</summary>
    public static (List<QuoteLine> Lines, List<string> Refusals) Price(FeeListDocument list, IReadOnlyList<(string Code, decimal Quantity)> requested)
    {
        var (extended, basic) = Index(list);
        var lines = new List<QuoteLine>(requested.Count);
        var refusals = new List<string>();
        for (var i = 0; i < requested.Count; i++)
        {
            var (code, quantity) = requested[i];
            if (basic.TryGetValue(code, out var free))
            {
                refusals.Add($"{Where(i + 1)}'{code}' ({free.Name}) is a basic service and is free to the customer (基础服务免费); it is never quoted.");
            }
            else if (!extended.TryGetValue(code, out var service))
            {
                refusals.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{Where(i + 1)}'{code}' is not on the fee list in effect (version {list.Version}): it is unknown or has been withdrawn. Only published extended services can be quoted."));
            }
            else if (quantity != decimal.Truncate(quantity) && !MeasuredUnits.Contains(service.Unit))
            {
                refusals.Add($"{Where(i + 1)}'{code}' is priced per {service.Unit} ({service.UnitEn}) and is quoted in whole units; {Show(quantity)} is not a whole number.");
            }
            else
            {
                lines.Add(Line(i + 1, service, quantity));
            }
        }

        return (lines, refusals);
    }

    // A published version never changes, so its lookup by code is built once per version rather than on every quote
    // (with a 10,000-item list that was two 10,000-entry dictionaries per request). Weak: it goes when the version does.
    private static readonly ConditionalWeakTable<FeeListDocument, CodeIndex> Indexes = new();

    private sealed record CodeIndex(Dictionary<string, ExtendedServiceEntry> Extended, Dictionary<string, BasicServiceEntry> Basic);

    /// <summary>The list's extended services by code, built once per published version.</summary>
    internal static IReadOnlyDictionary<string, ExtendedServiceEntry> ExtendedByCode(FeeListDocument list) => Index(list).Extended;

    // Written only for a refusal: most quotes have none.
    private static string Where(int line) => string.Create(CultureInfo.InvariantCulture, $"Line {line}: ");

    private static CodeIndex Index(FeeListDocument list) => Indexes.GetValue(list, l => new CodeIndex(
        l.ExtendedServices.ToDictionary(s => s.Code, StringComparer.Ordinal), l.BasicServices.ToDictionary(s => s.Code, StringComparer.Ordinal)));

    public static QuoteLine Line(int lineNumber, ExtendedServiceEntry service, decimal quantity) => new()
    {
        LineNumber = lineNumber,
        ServiceCode = service.Code,
        Name = service.Name,
        NameEn = service.NameEn,
        Unit = service.Unit,
        UnitEn = service.UnitEn,
        Quantity = Normalize(quantity),
        UnitPrice = Money.ToFen(service.Price),
        LineTotal = Money.ToFen(service.Price * quantity),
        LegalBasis = service.LegalBasis,
    };

    /// <summary>The sum of the line totals, each already rounded: the total is what the lines add up to on paper.</summary>
    public static decimal Total(IEnumerable<QuoteLine> lines) => Money.ToFen(lines.Sum(l => l.LineTotal));

    /// <summary>
    /// The one provider of all the lines, or the refusal naming each provider's lines: a quote is issued by one
    /// provider, in its own number series, and a split would turn one request (and one Idempotency-Key) into two quotes.
    /// </summary>
    public static (ProviderEntry? Provider, ProblemText? Refusal) Provider(IReadOnlyList<QuoteLine> lines, IReadOnlyList<ExtendedServiceEntry> published, ProviderEntry fallback)
    {
        var byCode = published.ToDictionary(s => s.Code, s => s.Provider ?? fallback, StringComparer.Ordinal);
        var groups = lines.GroupBy(l => byCode[l.ServiceCode]).ToList();
        return groups.Count == 1
            ? (groups[0].Key, null)
            : (null, ProviderMessages.TwoProviders(groups.Select(g => (g.Key.Name, g.Select(l => l.ServiceCode)))));
    }

    /// <summary>
    /// Issued (or accepted) until <see cref="Quote.ValidUntil"/>, expired from that instant on: the prices held only that
    /// long, so work not completed by then needs a new quote. A cancelled or completed quote stays so.
    /// </summary>
    public static QuoteStatus StatusAt(QuoteStatus stored, DateTimeOffset validUntil, DateTimeOffset now) =>
        stored is QuoteStatus.Issued or QuoteStatus.Accepted && now >= validUntil ? QuoteStatus.Expired : stored;

    public static string Number(string series, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{series}-{year:D4}-{sequence:D6}");

    /// <summary>2.00 → 2 and 1.50 → 1.5, so a quantity reads as the clerk meant it whatever the database gave back.</summary>
    public static decimal Normalize(decimal quantity) => quantity / 1.000000000000000000000000000000000m;

    private static string Show(decimal quantity) => Normalize(quantity).ToString(CultureInfo.InvariantCulture);
}
