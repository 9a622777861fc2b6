using PricingApi.FeeList;
using PricingApi.Pricing;

namespace PricingApi.Quotes;

/// <summary>
/// The rules of a charge, as plain functions: what work may be charged against a quote, and at what price. The
/// customer pays the lower of the quoted price and the price in effect at completion (明码标价: a price cut published
/// meanwhile reaches the customer; a rise never applies to a quote already made).
/// </summary>
public static class ChargeRules
{
    /// <summary>How far a measured quantity (米, 百米…) may exceed the quote, in percent, unless configured otherwise.</summary>
    public const int DefaultTolerancePercent = 20;

    /// <summary>Each line of work done priced, or every refusal (one per broken line).</summary>
    public static (List<ChargeLine> Lines, List<string> Refusals) Price(
        IReadOnlyList<QuoteLine> quoted, int quoteVersion, FeeListDocument inEffect, IReadOnlyList<(string Code, decimal Quantity)> done, int tolerancePercent)
    {
        // A quote may name one service on two lines; the work done is compared with what was quoted of it in all.
        var onQuote = quoted.GroupBy(l => l.ServiceCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Line: g.First(), Quantity: g.Sum(l => l.Quantity)), StringComparer.Ordinal);
        var listed = QuoteRules.ExtendedByCode(inEffect);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = new List<ChargeLine>();
        var refusals = new List<string>();
        for (var i = 0; i < done.Count; i++)
        {
            var (code, quantity) = done[i];
            if (!onQuote.TryGetValue(code, out var item))
            {
                refusals.Add(ChargeMessages.NotOnQuote(i + 1, code));
                continue;
            }

            if (!seen.Add(code))
            {
                refusals.Add(ChargeMessages.Repeated(i + 1, code));
                continue;
            }

            var unit = item.Line.Unit;
            var measured = QuoteRules.MeasuredUnits.Contains(unit);
            var highest = Highest(item.Quantity, tolerancePercent);
            if (!measured && quantity != decimal.Truncate(quantity))
            {
                refusals.Add(ChargeMessages.WholeUnits(i + 1, code, unit, quantity));
            }
            else if (!measured && quantity > item.Quantity)
            {
                refusals.Add(ChargeMessages.MoreThanQuoted(i + 1, code, unit, quantity, item.Quantity));
            }
            else if (quantity > highest)
            {
                refusals.Add(ChargeMessages.BeyondTolerance(i + 1, code, unit, quantity, highest, tolerancePercent));
            }
            else
            {
                lines.Add(Line(i + 1, item.Line, quoteVersion, listed.GetValueOrDefault(code), inEffect.Version, quantity));
            }
        }

        return (lines, refusals);
    }

    /// <summary>
    /// The lower of the quoted price and the price in effect now, and the version it came from (the quote's on a tie).
    /// A service no longer listed is charged at its quoted price: the quote was the published promise it was done under.
    /// So is a service now listed in another unit (百米 quoted, 米 listed): its prices are not of the same thing, and
    /// 6.36 a 米 is no cut from 636.00 a 百米.
    /// </summary>
    public static ChargeLine Line(int lineNumber, QuoteLine quoted, int quoteVersion, ExtendedServiceEntry? listed, int listVersion, decimal quantity)
    {
        var quotedPrice = Money.ToFen(quoted.UnitPrice);
        var listPrice = ListPrice(listed, quoted.Unit);
        var cut = listPrice < quotedPrice;
        var unitPrice = cut ? listPrice!.Value : quotedPrice;
        return new ChargeLine
        {
            LineNumber = lineNumber,
            ServiceCode = quoted.ServiceCode,
            Quantity = QuoteRules.Normalize(quantity),
            QuotedUnitPrice = quotedPrice,
            ListUnitPrice = listPrice,
            UnitPrice = unitPrice,
            FeeListVersion = cut ? listVersion : quoteVersion,
            LineTotal = Money.ToFen(unitPrice * quantity),
        };
    }

    /// <summary>
    /// The listed price of <paramref name="listed"/> (to the fen) as it compares with work priced per <paramref name="unit"/>:
    /// null when the service is not listed, or listed in another unit, whose price is not for the same thing.
    /// </summary>
    public static decimal? ListPrice(ExtendedServiceEntry? listed, string unit) =>
        listed is not null && string.Equals(listed.Unit.Trim(), unit.Trim(), StringComparison.Ordinal) ? Money.ToFen(listed.Price) : null;

    /// <summary>The sum of the line totals, each already rounded.</summary>
    public static decimal Total(IEnumerable<ChargeLine> lines) => Money.ToFen(lines.Sum(l => l.LineTotal));

    /// <summary>The most a measured quantity may reach: the quoted quantity plus the tolerance, down to the hundredth a quantity is written in.</summary>
    public static decimal Highest(decimal quoted, int tolerancePercent) =>
        QuoteRules.Normalize(decimal.Floor(quoted * (100 + tolerancePercent)) / 100m);
}
