using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using PricingApi.Http;
using PricingApi.Pricing;

namespace PricingApi.Catalog;

/// <summary>
/// The working catalog as a pricing clerk's spreadsheet: one row per service, one column per field of the admin API,
/// headed in Chinese with the API's field name after it ("税率 vatRate"), values written as the API takes them
/// (extended, cleaning, market-regulated). Reading it back gives the same requests the API would receive, so the
/// import applies the API's own rules. A last column carries each item's revision as exported, which the import
/// compares with the stored one as the API compares If-Match.
/// </summary>
public static class CatalogWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Sheet = "目录 Catalog";

    /// <summary>A column: its Chinese heading, the admin API's field it holds, its width and value; an optional one may be absent from an imported sheet.</summary>
    private sealed record Column(string Zh, string Field, int Width, Func<Exported, object?> Value, string? Format = null, bool Optional = false);

    /// <summary>The column that carries each item's revision: the import's guard against undoing a change made after the export.</summary>
    public const string RevisionField = "revision";

    /// <summary>The column of the provider; a workbook made before it existed lacks it.</summary>
    public const string ProviderField = "provider";

    private static readonly Column[] Columns =
    [
        new("编码", "code", 22, r => r.Request.Code),
        new("类型", "kind", 10, r => Code(r.Request.Kind)),
        new("分类", "category", 14, r => Code(r.Request.Category)),
        new("名称", "name", 40, r => r.Request.Name),
        new("英文名称", "nameEn", 40, r => r.Request.NameEn),
        new("单位", "unit", 8, r => r.Request.Unit),
        new("英文单位", "unitEn", 14, r => r.Request.UnitEn),
        new("服务内容", "description", 50, r => r.Request.Description),
        new("材料费", "materials", 11, r => r.Request.CostBasis?.Materials, "0.00"),
        new("人工费", "labour", 11, r => r.Request.CostBasis?.Labour, "0.00"),
        new("机械费", "machinery", 11, r => r.Request.CostBasis?.Machinery, "0.00"),
        new("其他直接费", "other", 11, r => r.Request.CostBasis?.Other, "0.00"),
        new("管理费", "overhead", 11, r => r.Request.CostBasis?.Overhead, "0.00"),
        new("不含税价", "priceExcludingTax", 12, r => r.Request.PriceExcludingTax, "0.00"),
        new("税率", "vatRate", 8, r => r.Request.VatRate, "0.00"),
        new("价格形式", "pricingForm", 18, r => Code(r.Request.PricingForm)),
        new("收费依据", "legalBasis", 30, r => r.Request.LegalBasis),
        // Optional: without the column an import leaves every stored provider as it is, so a workbook exported
        // before the column existed does not move services to the default provider.
        new("经营者", ProviderField, 12, r => r.Request.Provider, Optional: true),
        new("费用承担", "paidBy", 12, r => Code(r.Request.PaidBy)),
        new("排序", "sortOrder", 8, r => r.Request.SortOrder),
        // Optional: a hand-made sheet has none; what a blank revision may do is the import's rule (CatalogWorkbookEndpoints).
        new("修订号（请勿修改）", RevisionField, 18, r => r.Revision, Optional: true),
    ];

    /// <summary>What the header of the revision column explains to whoever opens the workbook.</summary>
    private const string RevisionNote =
        "导出时各项的修订号。导入时据此发现导出后他人对该项所做的修改，以免覆盖。请勿修改；新增的行留空。\n"
        + "Each item's revision when exported: the import uses it to find changes made by others since, so as not to undo them. Leave it alone; a new row needs none.";

    /// <summary>A stored item as the workbook shows it: the request the admin API would be sent, and the revision it was read at.</summary>
    public sealed record Exported(ServiceRequest Request, int Revision);

    public static byte[] Write(IEnumerable<Exported> services)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(Sheet);
        var rows = services.ToList();
        for (var c = 0; c < Columns.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue($"{Columns[c].Zh} {Columns[c].Field}");
            sheet.Column(c + 1).Width = Columns[c].Width;
            for (var r = 0; r < rows.Count; r++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (Columns[c].Value(rows[r]))
                {
                    case decimal number:
                        cell.SetValue(number);
                        cell.Style.NumberFormat.Format = Columns[c].Format ?? "0";
                        break;
                    case int number:
                        cell.SetValue(number);
                        break;
                    case string text:
                        cell.SetValue(text);
                        cell.DataType = XLDataType.Text;
                        break;
                }
            }
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        var revision = Array.FindIndex(Columns, c => c.Field == RevisionField) + 1;
        sheet.Column(revision).Style.Font.FontColor = XLColor.Gray;
        sheet.Cell(1, revision).Comment.AddText(RevisionNote);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// A row read back: the request it holds, the revision it was exported at (null when blank or the sheet has no
    /// such column), whether the sheet has a provider column at all, and why its cells could not be read (field → message).
    /// </summary>
    public sealed record Row(int Number, ServiceRequest Request, int? Revision, bool ProviderGiven, Dictionary<string, string> Unreadable);

    /// <summary>Reads every non-empty row; throws <see cref="InvalidDataException"/> when the file is not such a workbook.</summary>
    public static List<Row> Read(Stream stream)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException("The body is not an Excel workbook (.xlsx). Export one with GET /api/admin/services.xlsx.", e);
        }

        using (workbook)
        {
            if (!workbook.TryGetWorksheet(Sheet, out var sheet))
            {
                throw new InvalidDataException($"The workbook has no sheet named '{Sheet}'. Export one with GET /api/admin/services.xlsx and edit that.");
            }

            var positions = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var cell in sheet.Row(1).CellsUsed())
            {
                var field = cell.GetString().Trim().Split(' ').Last();
                if (Columns.Any(c => c.Field == field))
                {
                    positions[field] = cell.Address.ColumnNumber;
                }
            }

            if (Columns.Where(c => !c.Optional && !positions.ContainsKey(c.Field)).Select(c => $"{c.Zh} {c.Field}").ToList() is { Count: > 0 } missing)
            {
                throw new InvalidDataException($"The workbook lacks the columns: {string.Join(", ", missing)}.");
            }

            var last = sheet.LastRowUsed()?.RowNumber() ?? 1;
            var rows = new List<Row>();
            for (var r = 2; r <= last; r++)
            {
                var row = sheet.Row(r);
                // A row cleared but for its grey revision is empty too: the clerk removed it from the import.
                if (positions.Where(p => p.Key != RevisionField).All(p => row.Cell(p.Value).IsEmpty()))
                {
                    continue;
                }

                rows.Add(ReadRow(r, field => positions.TryGetValue(field, out var c) ? row.Cell(c) : null));
            }

            return rows;
        }
    }

    /// <summary>Spreadsheet row <paramref name="number"/>; <paramref name="cell"/> gives its cell of a field, null when the sheet has no such (optional) column.</summary>
    private static Row ReadRow(int number, Func<string, IXLCell?> cell)
    {
        var unreadable = new Dictionary<string, string>();
        string? Text(string field) => cell(field) is { } c && !c.IsEmpty() ? c.GetString() : null;

        decimal? Number(string field)
        {
            var c = cell(field);
            if (c is null || c.IsEmpty())
            {
                return null;
            }

            if (c.DataType == XLDataType.Number)
            {
                // Excel keeps numbers as doubles; 15 significant digits give back the amount that was typed.
                return decimal.Round((decimal)c.GetDouble(), 10);
            }

            if (decimal.TryParse(c.GetString().Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            unreadable[field] = $"'{field}' must be a number; '{c.GetString()}' is not.";
            return null;
        }

        T? Enum<T>(string field) where T : struct
        {
            if (Text(field)?.Trim() is not { Length: > 0 } text)
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(text), PricingJson.Options);
            }
            catch (JsonException)
            {
                var allowed = System.Enum.GetValues(typeof(T)).Cast<object>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()!));
                unreadable[field] = $"'{field}' must be one of: {string.Join(", ", allowed)}; '{text}' is not.";
                return null;
            }
        }

        int? WholeNumber(string field)
        {
            if (Number(field) is not { } value)
            {
                return null;
            }

            if (value != decimal.Truncate(value) || value is < int.MinValue or > int.MaxValue)
            {
                unreadable[field] = $"'{field}' must be a whole number; '{Text(field)}' is not.";
                return null;
            }

            return (int)value;
        }

        var kind = Enum<ServiceKind>("kind");
        var costs = new[] { "materials", "labour", "machinery", "other", "overhead" }.Select(Number).ToArray();

        var request = new ServiceRequest
        {
            Code = Text("code")?.Trim(),
            Kind = kind,
            Category = Enum<ServiceCategory>("category"),
            Name = Text("name"),
            NameEn = Text("nameEn"),
            Unit = Text("unit"),
            UnitEn = Text("unitEn"),
            Description = Text("description"),
            CostBasis = costs.All(c => c is null) ? null
                : new CostBasisRequest { Materials = costs[0], Labour = costs[1], Machinery = costs[2], Other = costs[3], Overhead = costs[4] },
            PriceExcludingTax = Number("priceExcludingTax"),
            VatRate = Number("vatRate"),
            PricingForm = Enum<PricingForm>("pricingForm"),
            LegalBasis = Text("legalBasis")?.Trim(),
            Provider = Text(ProviderField)?.Trim() is { Length: > 0 } provider ? provider : null,
            PaidBy = Enum<PaidBy>("paidBy"),
            SortOrder = WholeNumber("sortOrder"),
        };
        var revision = WholeNumber(RevisionField);
        if (revision is < 1)
        {
            // No item ever had it, so it cannot be told apart from a change made by someone else: the cell was edited.
            unreadable[RevisionField] = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"'revision' is {revision}, which no item ever had (revisions start at 1); leave the exported value as it is.");
            revision = null;
        }

        return new Row(number, request, revision, cell(ProviderField) is not null, unreadable);
    }

    private static string? Code<T>(T? value) where T : struct, Enum =>
        value is { } v ? JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()) : null;
}
