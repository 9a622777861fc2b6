using ClosedXML.Excel;

namespace PricingApi.FeeList;

/// <summary>
/// The fee list as an Excel workbook for people: a sheet of basic services, a sheet of extended services and a sheet
/// about the list (publisher, version, dates, phones). Headers in Chinese and English, money as numbers formatted
/// 0.00, VAT as a percentage, the header row frozen and filterable.
/// </summary>
public static class FeeListWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string BasicSheet = "基础服务 Basic";
    public const string ExtendedSheet = "延伸服务 Extended";
    public const string AboutSheet = "说明 About";

    public static byte[] Write(FeeListDocument list, string? publisherEn)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = $"供水服务收费目录清单 第{list.Version}版 Water-supply service fee list, version {list.Version}";
        workbook.Properties.Author = list.Publisher;
        workbook.Properties.Created = list.PublishedAt.DateTime;
        workbook.Properties.Modified = list.PublishedAt.DateTime;

        WriteTable(workbook.AddWorksheet(BasicSheet), FeeListWorkbookColumns.Basic, list.BasicServices);
        WriteTable(workbook.AddWorksheet(ExtendedSheet), FeeListWorkbookColumns.Extended, list.ExtendedServices);
        WriteAbout(workbook.AddWorksheet(AboutSheet), list, publisherEn);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>One sheet as a table: bilingual header row frozen and filterable, numbers formatted per column (other workbooks reuse it).</summary>
    internal static void WriteTable<T>(IXLWorksheet sheet, WorkbookColumn<T>[] columns, IReadOnlyList<T> rows)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c].Header);
            sheet.Column(c + 1).Width = columns[c].Width;
            for (var r = 0; r < rows.Count; r++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                SetValue(cell, columns[c].Value(rows[r]));
                if (columns[c].Format is { } format)
                {
                    cell.Style.NumberFormat.Format = format;
                }
            }
        }

        var header = sheet.Row(1);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DCE8F5");
        sheet.Rows().Style.Alignment.WrapText = true;
        sheet.Rows().Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(rows.Count + 1, 2), columns.Length).SetAutoFilter();
    }

    private static void WriteAbout(IXLWorksheet sheet, FeeListDocument list, string? publisherEn)
    {
        (string Label, string Value)[] facts =
        [
            ("经营者 Publisher", publisherEn is null ? list.Publisher : $"{list.Publisher} {publisherEn}"),
            ("版本 Version", $"第{list.Version}版 Version {list.Version}"),
            ("执行日期 Effective from", FeeListLabels.Date(list.EffectiveFrom).ToString()),
            ("公布日期 Published", FeeListLabels.Date(list.PublishedAt).ToString()),
            ("服务电话 Service phone", list.ServicePhone),
            ("价格举报电话 Price supervision phone", list.SupervisionPhone),
            ("计价单位 Currency", $"人民币元 {list.Currency}"),
            ("延伸服务区域 Where extended services are offered", FeeListLabels.ServiceArea(list.ServiceArea).ToString()),
            ("说明 Note", "基础服务用户免费；延伸服务由用户自愿选择，按本目录明码标价收费，不得收取目录以外的任何费用。"
                         + " Basic services are free to the customer. Extended services are optional and charged at the listed price; nothing not on this list may be charged."),
        ];
        for (var r = 0; r < facts.Length; r++)
        {
            sheet.Cell(r + 1, 1).SetValue(facts[r].Label);
            sheet.Cell(r + 1, 2).SetValue(facts[r].Value);
        }

        sheet.Column(1).Width = 34;
        sheet.Column(1).Style.Font.Bold = true;
        sheet.Column(2).Width = 90;
        sheet.Column(2).Style.Alignment.WrapText = true;
    }

    /// <summary>Text stays text (a phone number is not a number, "=…" is not a formula); money and rates are numbers.</summary>
    private static void SetValue(IXLCell cell, object value)
    {
        switch (value)
        {
            case decimal number:
                cell.SetValue(number);
                break;
            default:
                cell.SetValue(value.ToString() ?? "");
                break;
        }
    }
}
