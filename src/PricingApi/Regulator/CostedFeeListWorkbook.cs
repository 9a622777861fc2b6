using ClosedXML.Excel;
using PricingApi.FeeList;
using PricingApi.Pricing;

namespace PricingApi.Regulator;

/// <summary>
/// A published version as a regulator's workbook: the rows of <see cref="CostedFeeListCsv"/> (each extended service
/// with its itemised cost, prices, margin and cap check, recomputed by <see cref="ComplianceReport.LineFor"/>; then the
/// basic services), with bilingual headers, numbers as numbers and the same print setup as the public workbook, and
/// the same notices (withdrawn, sample data).
/// </summary>
public static class CostedFeeListWorkbook
{
    public const string ExtendedSheet = "延伸服务成本 Extended with costs";

    private static readonly WorkbookColumn<(CostedExtendedServiceEntry Service, ComplianceReport.Line Check)>[] Extended =
    [
        new("编号 Code", 24, r => r.Service.Code),
        new("类别 Category", 18, r => FeeListLabels.Category(r.Service.Category).ToString()),
        new("名称 Name", 36, r => r.Service.Name),
        new("英文名称 Name in English", 36, r => r.Service.NameEn),
        new("单位 Unit", 10, r => $"{r.Service.Unit} {r.Service.UnitEn}"),
        new("材料费 Materials", 12, r => r.Check.CostBasis.Materials, FeeListWorkbookColumns.MoneyFormat),
        new("人工费 Labour", 12, r => r.Check.CostBasis.Labour, FeeListWorkbookColumns.MoneyFormat),
        new("机械费 Machinery", 12, r => r.Check.CostBasis.Machinery, FeeListWorkbookColumns.MoneyFormat),
        new("其他费用 Other", 12, r => r.Check.CostBasis.Other, FeeListWorkbookColumns.MoneyFormat),
        new("管理费 Overhead", 12, r => r.Check.CostBasis.Overhead, FeeListWorkbookColumns.MoneyFormat),
        new("成本合计（元） Cost (CNY)", 14, r => r.Check.Cost, FeeListWorkbookColumns.MoneyFormat),
        new("不含税价（元） Price excl. VAT (CNY)", 16, r => r.Check.PriceExcludingTax, FeeListWorkbookColumns.MoneyFormat),
        new("增值税率 VAT rate", 10, r => new WorkbookRate(r.Service.VatRate)),
        new("含税价（元） Price incl. VAT (CNY)", 16, r => Money.ToFen(r.Service.Price), FeeListWorkbookColumns.MoneyFormat),
        new("成本利润率 Cost-profit ratio", 14, r => new WorkbookRate(r.Check.CostProfitRatio)),
        new("最高允许价（元） Highest allowed price (CNY)", 18, r => r.Check.HighestAllowedPrice, FeeListWorkbookColumns.MoneyFormat),
        new("未超上限 Within cap", 12, r => r.Check.WithinCap ? "是 Yes" : "否 No"),
        new("价格形式 Pricing form", 18, r => FeeListLabels.PricingForm(r.Service.PricingForm).ToString()),
        new("收费依据 Legal basis", 50, r => r.Service.LegalBasis),
        new("经营者 Provider", 24, r => FeeListLabels.Provider(r.Service)),
    ];

    /// <summary>The workbook of <paramref name="version"/>, stating its <paramref name="notices"/> as the public workbook does.</summary>
    public static byte[] Write(PublishedVersion version, string? publisherEn, IReadOnlyList<FeeListNotice> notices)
    {
        var document = version.ReadCosted();
        var cap = new CostProfitCap(document.CostProfitCap);
        var title = FeeListWorkbook.Marked(FeeListWorkbook.Title(document.Version) + " · 含成本 with costs", notices);
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = title;
        workbook.Properties.Author = document.Publisher;
        workbook.Properties.Created = document.PublishedAt.DateTime;
        workbook.Properties.Modified = document.PublishedAt.DateTime;

        var rows = document.ExtendedServices.Select(e => (e, ComplianceReport.LineFor(e, cap))).ToList();
        FeeListWorkbook.WriteTable(workbook.AddWorksheet(ExtendedSheet), Extended, rows, title);
        FeeListWorkbook.WriteTable(workbook.AddWorksheet(FeeListWorkbook.BasicSheet), FeeListWorkbookColumns.Basic, document.BasicServices, title);
        FeeListWorkbook.WriteAbout(workbook.AddWorksheet(FeeListWorkbook.AboutSheet), version.Public, publisherEn, title, notices);
        FeeListWorkbook.ShowNoticesFirst(workbook, notices);
        return FeeListWorkbook.Save(workbook);
    }
}
