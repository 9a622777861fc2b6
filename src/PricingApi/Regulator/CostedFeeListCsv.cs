using System.Globalization;
using System.Text.Json;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Pricing;

namespace PricingApi.Regulator;

/// <summary>
/// A published version as a regulator's spreadsheet takes it: one row per extended service with its itemised
/// cost, prices and margin, then one row per basic service (price 0, who pays). The provider (经营者) is named as the
/// public CSV names it, and a withdrawn or sample version says so on every row (<c>notice</c>), as the public CSV does. Numbers are written as in the
/// JSON (invariant culture, money with two decimals); enum values as in the JSON (kebab-case).
/// </summary>
public static class CostedFeeListCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "version", "kind", "code", "category", "name", "nameEn", "unit", "unitEn",
        "costMaterials", "costLabour", "costMachinery", "costOther", "costOverhead", "cost",
        "priceExcludingTax", "vatRate", "price", "costProfitRatio", "highestAllowedPrice", "withinCap",
        "paidBy", "pricingForm", "legalBasis", "provider", "notice",
    ];

    /// <summary>The rows of <paramref name="document"/>, each ending with its <paramref name="notices"/> as the public CSV's do.</summary>
    public static byte[] For(CostedFeeListDocument document, IReadOnlyList<FeeListNotice> notices)
    {
        var cap = new CostProfitCap(document.CostProfitCap);
        var version = Number(document.Version);
        var notice = PublicFeeListCsv.NoticeCell(notices, chinese: false);
        return CsvWriter.Write(Header,
            document.ExtendedServices.Select(e => ExtendedRow(version, e, ComplianceReport.LineFor(e, cap)).Append(notice).ToList())
                .Concat(document.BasicServices.Select(b => BasicRow(version, b).Append(notice).ToList())));
    }

    private static IReadOnlyList<string?> ExtendedRow(string version, CostedExtendedServiceEntry e, ComplianceReport.Line check) =>
    [
        version, "extended", e.Code, Kebab(e.Category), e.Name, e.NameEn, e.Unit, e.UnitEn,
        Number(check.CostBasis.Materials), Number(check.CostBasis.Labour), Number(check.CostBasis.Machinery),
        Number(check.CostBasis.Other), Number(check.CostBasis.Overhead), Number(check.Cost),
        Number(check.PriceExcludingTax), Number(e.VatRate), Number(Money.ToFen(e.Price)), Number(check.CostProfitRatio),
        Number(check.HighestAllowedPrice), check.WithinCap ? "true" : "false",
        null, Kebab(e.PricingForm), e.LegalBasis, FeeListLabels.Provider(e),
    ];

    private static IReadOnlyList<string?> BasicRow(string version, BasicServiceEntry b) =>
    [
        version, "basic", b.Code, null, b.Name, b.NameEn, null, null,
        null, null, null, null, null, null,
        null, null, Number(Money.ToFen(b.Price)), null, null, null,
        Kebab(b.PaidBy), null, b.LegalBasis, null,
    ];

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Kebab(Enum value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
