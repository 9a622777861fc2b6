using System.Globalization;
using PricingApi.Http;
using PricingApi.Pricing;

namespace PricingApi.FeeList;

/// <summary>
/// The fee list as CSV: one row per service, basic then extended, in list order. Column names and values are the
/// JSON's (camelCase names, kebab-case codes, rates as fractions, money to the fen), so a script reads the CSV
/// and the JSON alike; people who want labels in Chinese and English take the workbook.
/// </summary>
public static class FeeListCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "version", "kind", "code", "category", "name", "nameEn", "unit", "unitEn",
        "priceExcludingTax", "vatRate", "price", "paidBy", "pricingForm", "description", "legalBasis", "provider", "serviceArea",
    ];

    public static byte[] Write(FeeListDocument list)
    {
        var version = list.Version.ToString(CultureInfo.InvariantCulture);
        // The area is a condition of sale of every extended service, so each extended row states it.
        var area = list.ServiceArea is { } a ? $"{a.Description}：{a.Summary()}" : "";
        var basic = list.BasicServices.Select(b => new[]
        {
            version, FeeListLabels.Code(ServiceKind.Basic), b.Code, "", b.Name, b.NameEn, "", "",
            FeeListLabels.Money(b.Price), "", FeeListLabels.Money(b.Price), FeeListLabels.Code(b.PaidBy), "", b.Description, b.LegalBasis, "", "",
        });
        var extended = list.ExtendedServices.Select(e => new[]
        {
            version, FeeListLabels.Code(ServiceKind.Extended), e.Code, FeeListLabels.Code(e.Category), e.Name, e.NameEn, e.Unit, e.UnitEn,
            FeeListLabels.Money(e.PriceExcludingTax), Rate(e.VatRate), FeeListLabels.Money(e.Price), "", FeeListLabels.Code(e.PricingForm),
            e.Description, e.LegalBasis, e.Provider?.Name ?? "", area,
        });
        return CsvWriter.Write(Header, basic.Concat(extended));
    }

    /// <summary>A fraction with at least two decimals, as in the JSON: 0.06, 0.13, 0.065.</summary>
    private static string Rate(decimal rate) => rate.ToString("0.00##", CultureInfo.InvariantCulture);
}
