using ClosedXML.Excel;

namespace PricingApi.FeeList;

/// <summary>
/// The fee list as an Excel workbook for people: a sheet of basic services, a sheet of extended services and a sheet
/// about the list (publisher, version, dates, phones). Headers in Chinese and English, money as numbers formatted
/// #,##0.00, VAT as an exact percentage (6.5%), dates as dates, the header row frozen and filterable. Each sheet prints
/// on A4 landscape, fit to the page's width, with the header row repeated on every sheet of paper and the list's
/// title, version and page number in the page header and footer.
/// </summary>
public static class FeeListWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string BasicSheet = "基础服务 Basic";
    public const string ExtendedSheet = "延伸服务 Extended";
    public const string AboutSheet = "说明 About";
    /// <summary>A date as Chinese readers write it (2026年12月1日), held as a real date so it sorts and computes.</summary>
    public const string DateFormat = "yyyy\"年\"m\"月\"d\"日\"";

    /// <summary>
    /// The workbook of <paramref name="list"/>. Its <paramref name="notices"/>, what the list's page says of it besides its
    /// prices (<see cref="FeeListLabels.Notices"/>), are stated on the About sheet, which then opens first, and marked in
    /// every printed sheet's header.
    /// </summary>
    public static byte[] Write(FeeListDocument list, string? publisherEn, IReadOnlyList<FeeListNotice> notices)
    {
        using var workbook = new XLWorkbook();
        workbook.Properties.Title = $"供水服务收费目录清单 第{list.Version}版 Water-supply service fee list, version {list.Version}";
        workbook.Properties.Author = list.Publisher;
        workbook.Properties.Created = list.PublishedAt.DateTime;
        workbook.Properties.Modified = list.PublishedAt.DateTime;

        var title = Marked(Title(list.Version), notices);
        WriteTable(workbook.AddWorksheet(BasicSheet), FeeListWorkbookColumns.Basic, list.BasicServices, title);
        WriteTable(workbook.AddWorksheet(ExtendedSheet), FeeListWorkbookColumns.Extended, list.ExtendedServices, title);
        WriteAbout(workbook.AddWorksheet(AboutSheet), list, publisherEn, title, notices);
        ShowNoticesFirst(workbook, notices);
        return Save(workbook);
    }

    /// <summary>
    /// The title of every printed page, with the short marks of <paramref name="notices"/>: a page header holds at most
    /// 255 characters, so it carries the marks, not the reason (the About sheet has the whole text).
    /// </summary>
    internal static string Marked(string title, IReadOnlyList<FeeListNotice> notices) =>
        notices.Count == 0 ? title : $"{title}（{string.Join("；", notices.Select(n => n.Mark.Zh))}）";

    /// <summary>A workbook with notices opens on its About sheet, which states them, and names them in its properties.</summary>
    internal static void ShowNoticesFirst(XLWorkbook workbook, IReadOnlyList<FeeListNotice> notices)
    {
        if (notices.Count == 0)
        {
            return;
        }

        workbook.Properties.Subject = string.Join(" ", notices.Select(n => n.Text.ToString()));
        foreach (var sheet in workbook.Worksheets)
        {
            sheet.SetTabSelected(false);
        }

        workbook.Worksheet(AboutSheet).SetTabActive().SetTabSelected();
    }

    /// <summary>What each printed sheet says at its top.</summary>
    internal static string Title(int version) => $"供水服务收费目录清单 第{version}版 Water-supply service fee list, version {version}";

    internal static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>A4 landscape, as wide as the paper, the title in the page header, the page number in the footer, the first <paramref name="repeatRows"/> rows on every sheet of paper.</summary>
    internal static void PrintSetup(IXLWorksheet sheet, string? title, int repeatRows)
    {
        var page = sheet.PageSetup;
        page.PaperSize = XLPaperSize.A4Paper;
        page.PageOrientation = XLPageOrientation.Landscape;
        page.FitToPages(1, 0);
        if (repeatRows > 0)
        {
            page.SetRowsToRepeatAtTop(1, repeatRows);
        }

        if (title is not null)
        {
            page.Header.Center.AddText(title);
        }

        page.Footer.Right.AddText("第 ");
        page.Footer.Right.AddText(XLHFPredefinedText.PageNumber);
        page.Footer.Right.AddText(" 页，共 ");
        page.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages);
        page.Footer.Right.AddText(" 页");
    }

    /// <summary>One sheet as a table: bilingual header row frozen and filterable, numbers formatted per column (other workbooks reuse it).</summary>
    internal static void WriteTable<T>(IXLWorksheet sheet, WorkbookColumn<T>[] columns, IReadOnlyList<T> rows, string? title = null)
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
        PrintSetup(sheet, title, repeatRows: 1);
    }

    internal static void WriteAbout(IXLWorksheet sheet, FeeListDocument list, string? publisherEn, string title, IReadOnlyList<FeeListNotice> notices)
    {
        (string Label, object Value)[] facts =
        [
            ("经营者 Publisher", publisherEn is null ? list.Publisher : $"{list.Publisher} {publisherEn}"),
            ("版本 Version", $"第{list.Version}版 Version {list.Version}"),
            ("执行日期 Effective from", list.EffectiveFrom),
            ("公布日期 Published", list.PublishedAt),
            ("服务电话 Service phone", list.ServicePhone),
            ("价格举报电话 Price supervision phone", list.SupervisionPhone),
            ("计价单位 Currency", $"人民币元 {list.Currency}"),
            ("延伸服务区域 Where extended services are offered", FeeListLabels.ServiceArea(list.ServiceArea).ToString()),
            ("说明 Note", "基础服务用户免费；延伸服务由用户自愿选择，按本目录明码标价收费，不得收取目录以外的任何费用。"
                         + " Basic services are free to the customer. Extended services are optional and charged at the listed price; nothing not on this list may be charged."),
            .. notices.Select(n => ("提示 Notice", (object)n.Text.ToString())),
        ];
        for (var r = 0; r < facts.Length; r++)
        {
            sheet.Cell(r + 1, 1).SetValue(facts[r].Label);
            SetValue(sheet.Cell(r + 1, 2), facts[r].Value);
            sheet.Cell(r + 1, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        }

        sheet.Column(1).Width = 34;
        sheet.Column(1).Style.Font.Bold = true;
        sheet.Column(2).Width = 90;
        sheet.Column(2).Style.Alignment.WrapText = true;
        PrintSetup(sheet, title, repeatRows: 0);
    }

    /// <summary>
    /// Text stays text (a phone number is not a number, "=…" is not a formula); money and rates are numbers, a rate
    /// formatted to show exactly its decimals; an instant is a date (with the time when it is not midnight) in the utility's zone.
    /// </summary>
    private static void SetValue(IXLCell cell, object value)
    {
        switch (value)
        {
            case decimal number:
                cell.SetValue(number);
                break;
            case WorkbookRate rate:
                cell.SetValue(rate.Fraction);
                cell.Style.NumberFormat.Format = rate.Format;
                break;
            case DateTimeOffset instant:
                var local = Utility.UtilityClock.Local(instant);
                cell.SetValue(local.DateTime);
                cell.Style.NumberFormat.Format = local.TimeOfDay == TimeSpan.Zero ? DateFormat : DateFormat + " hh:mm";
                break;
            default:
                cell.SetValue(value.ToString() ?? "");
                break;
        }
    }
}
