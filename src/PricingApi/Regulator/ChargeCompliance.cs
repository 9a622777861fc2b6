using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PricingApi.Data;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Pricing;
using PricingApi.Quotes;
using PricingApi.Validation;
using PricingApi.OpenApi;

namespace PricingApi.Regulator;

/// <summary>
/// 明码标价 checked on what was charged: every charged line against the published price of its service in the version the
/// quote was priced from, and in the version in effect at the moment of the charge (read afresh from the published
/// timeline, not from what the charge recorded). A line above either is a breach; the report counts them, and must show 0.
/// </summary>
public static class ChargeCompliance
{
    public static RouteGroupBuilder MapChargeCompliance(this RouteGroupBuilder group)
    {
        group.MapGet("/charges/compliance", ReportAsync).Validate<ChargesRange>().WithName("GetChargeCompliance").WithTimeQuery("from", "to")
            .WithSummary("Every charged line in the range against the list price when quoted and when charged: linesChecked, amountChecked, linesAboveList (must be 0).")
            .WithDescription("The lines above the list are listed under linesAbove, each with both list prices. A service no longer listed when charged, or listed in another unit, is compared with the price it was quoted from only.");
        return group;
    }

    /// <summary>One charged line and the two list prices it must not exceed (null: the service is not in that version).</summary>
    public sealed record LineCheck(
        string QuoteNumber, string ServiceCode, DateTimeOffset ChargedAt, decimal Quantity, decimal UnitPrice, decimal LineTotal,
        int QuotedFeeListVersion, decimal? ListPriceWhenQuoted, int? FeeListVersionWhenCharged, decimal? ListPriceWhenCharged, bool AboveList);

    public sealed record Report(int LinesChecked, decimal AmountChecked, int LinesAboveList, bool Complies, List<LineCheck> LinesAbove);

    /// <summary>
    /// Checks one line. Above the list: a unit price above the price when quoted (or a service that was never on that
    /// version), or above the price in effect when charged.
    /// </summary>
    public static LineCheck Check(string quoteNumber, int quotedVersion, DateTimeOffset chargedAt, ChargeLineResponse line,
        FeeListDocument? whenQuoted, FeeListDocument? whenCharged)
    {
        var quotedService = ServiceIn(whenQuoted, line.ServiceCode);
        var quotedPrice = quotedService is null ? (decimal?)null : Money.ToFen(quotedService.Price);
        // The price when charged counts only in the unit the work was quoted and charged in (the quoted version's), by the
        // charge's own rule. A line whose service was not in the quoted version is above the list whatever it is compared with.
        var chargedService = ServiceIn(whenCharged, line.ServiceCode);
        var chargedPrice = ChargeRules.ListPrice(chargedService, quotedService?.Unit ?? chargedService?.Unit ?? "");
        var above = quotedPrice is not { } q || line.UnitPrice > q || (chargedPrice is { } c && line.UnitPrice > c);
        return new LineCheck(quoteNumber, line.ServiceCode, chargedAt, line.Quantity, line.UnitPrice, line.LineTotal,
            quotedVersion, quotedPrice, whenCharged?.Version, chargedPrice, above);
    }

    public static Report Summarise(IReadOnlyList<LineCheck> checks)
    {
        var above = checks.Where(c => c.AboveList).ToList();
        return new Report(checks.Count, Money.ToFen(checks.Sum(c => c.LineTotal)), above.Count, above.Count == 0, above);
    }

    private static ExtendedServiceEntry? ServiceIn(FeeListDocument? list, string code) => list?.ExtendedServices.FirstOrDefault(s => s.Code == code);

    private static async Task<Ok<Report>> ReportAsync([AsParameters] ChargesRange range, PricingDbContext db, FeeListStore store, CancellationToken ct)
    {
        var quotes = await ChargesEndpoints.Charged(db, range).Include(q => q.Charge!).ThenInclude(c => c.Lines).ToListAsync(ct);
        var timeline = await store.VersionsAsync(ct);
        var documents = new Dictionary<int, FeeListDocument?>();
        async Task<FeeListDocument?> DocumentAsync(int? version)
        {
            if (version is not { } v)
            {
                return null;
            }

            if (!documents.TryGetValue(v, out var document))
            {
                documents[v] = document = (await store.GetAsync(v, ct))?.Public;
            }

            return document;
        }

        var checks = new List<LineCheck>();
        foreach (var quote in quotes)
        {
            var charge = quote.Charge!.ToResponse();
            var whenQuoted = await DocumentAsync(quote.FeeListVersion);
            var whenCharged = await DocumentAsync(VersionTimeline.InEffect(timeline, charge.ChargedAt)?.Version);
            checks.AddRange(charge.Lines.Select(l => Check(quote.Number, quote.FeeListVersion, charge.ChargedAt, l, whenQuoted, whenCharged)));
        }

        return TypedResults.Ok(Summarise(checks));
    }
}
