using System.Globalization;
using PricingApi.Http;
using PricingApi.Pricing;

namespace PricingApi.FeeList;

/// <summary>
/// The public fee list as CSV: one row per service, basic then extended, in list order. By default the column
/// names and values are the JSON's (camelCase names, kebab-case codes, rates as fractions, money to the fen), so a
/// script reads the CSV and the JSON alike. In Chinese (<c>?lang=zh</c>) it is for people: lines naming the list,
/// its version, effective date and publisher, then Chinese column names and labels (市场调节价, 6.5%) for the same
/// rows. The columns are declared once below, with both names. A list that is not an official one in force says so
/// on every row (<c>notice</c>: withdrawn, with when and why; sample data), as its page does, so no row read or
/// forwarded alone passes for the official list; the Chinese one says it above the table too.
/// </summary>
public static class PublicFeeListCsv
{
    private static readonly (string Name, string Zh)[] Columns =
    [
        ("version", "版本"), ("kind", "服务类型"), ("code", "编号"), ("category", "类别"), ("name", "服务项目"), ("nameEn", "英文名称"),
        ("unit", "单位"), ("unitEn", "英文单位"), ("priceExcludingTax", "不含税价（元）"), ("vatRate", "增值税率"), ("price", "含税价（元）"),
        ("paidBy", "费用承担"), ("pricingForm", "价格形式"), ("description", "服务内容"), ("legalBasis", "收费依据"), ("provider", "经营者"),
        ("serviceArea", "服务区域"), ("notice", "提示"),
    ];

    /// <summary>The machine header, the JSON's field names.</summary>
    public static readonly IReadOnlyList<string> Header = [.. Columns.Select(c => c.Name)];

    /// <summary>The header people read: the same columns in Chinese.</summary>
    public static readonly IReadOnlyList<string> ChineseHeader = [.. Columns.Select(c => c.Zh)];

    /// <summary>The CSV of <paramref name="list"/>, with its <paramref name="notices"/> (<see cref="FeeListLabels.Notices"/>) in the last column.</summary>
    public static byte[] Write(FeeListDocument list, IReadOnlyList<FeeListNotice> notices) => Write(list, notices, chinese: false);

    public static byte[] WriteChinese(FeeListDocument list, IReadOnlyList<FeeListNotice> notices) => Write(list, notices, chinese: true);

    /// <summary>The notice column's text on each row: Chinese for the people's CSV, both languages for the machine one.</summary>
    public static string NoticeCell(IReadOnlyList<FeeListNotice> notices, bool chinese) =>
        chinese ? string.Join("；", notices.Select(n => n.Text.Zh)) : string.Join(" ", notices.Select(n => n.Text.ToString()));

    private static byte[] Write(FeeListDocument list, IReadOnlyList<FeeListNotice> notices, bool chinese)
    {
        var version = list.Version.ToString(CultureInfo.InvariantCulture);
        var notice = NoticeCell(notices, chinese);
        // The area is a condition of sale of every extended service, so each extended row states it.
        var area = list.ServiceArea is { } a ? $"{a.Description}：{a.Summary()}" : "";
        string Label<T>(T value, Func<T, Bilingual> label) where T : struct, Enum => chinese ? label(value).Zh : FeeListLabels.Code(value);
        string Rate(decimal rate) => chinese ? FeeListLabels.Percent(rate) : FractionRate(rate);

        var basic = list.BasicServices.Select(b => new[]
        {
            version, Label(ServiceKind.Basic, FeeListLabels.Kind), b.Code, "", b.Name, b.NameEn, "", "",
            FeeListLabels.Money(b.Price), "", FeeListLabels.Money(b.Price), Label(b.PaidBy, FeeListLabels.PaidBy), "", b.Description, b.LegalBasis, "", "",
            notice,
        });
        var extended = list.ExtendedServices.Select(e => new[]
        {
            version, Label(ServiceKind.Extended, FeeListLabels.Kind), e.Code, Label(e.Category, FeeListLabels.Category), e.Name, e.NameEn, e.Unit, e.UnitEn,
            FeeListLabels.Money(e.PriceExcludingTax), Rate(e.VatRate), FeeListLabels.Money(e.Price), "", Label(e.PricingForm, FeeListLabels.PricingForm),
            e.Description, e.LegalBasis, FeeListLabels.Provider(e), area, notice,
        });
        var rows = basic.Concat(extended);
        return chinese
            ? CsvWriter.Write(ChineseHeader, rows, Preface(list, notices))
            : CsvWriter.Write(Header, rows);
    }

    /// <summary>What a printed or forwarded copy must say about itself: which list, which version, from when, by whom.</summary>
    private static IReadOnlyList<string>[] Preface(FeeListDocument list, IReadOnlyList<FeeListNotice> notices) =>
    [
        ["供水服务收费目录清单", $"第{list.Version}版"],
        ["执行日期", FeeListLabels.Date(list.EffectiveFrom).Zh],
        ["发布单位", list.Publisher],
        .. notices.Select(n => (IReadOnlyList<string>)["提示", n.Text.Zh, n.Text.En]),
    ];

    /// <summary>A fraction with at least two decimals, as in the JSON: 0.06, 0.13, 0.065.</summary>
    private static string FractionRate(decimal rate) => rate.ToString("0.00##", CultureInfo.InvariantCulture);
}
