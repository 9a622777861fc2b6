using System.Globalization;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PricingApi.Data;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Quotes;
using PricingApi.Validation;
using PricingApi.OpenApi;

namespace PricingApi.Regulator;

/// <summary>
/// Every charge made on a completed quote, for price regulators (明码标价 is enforced on what was charged): as JSON pages,
/// and the whole range as CSV or an Excel workbook. Customer names and phones are masked on every form.
/// </summary>
public static class ChargesEndpoints
{
    public static RouteGroupBuilder MapCharges(this RouteGroupBuilder group)
    {
        group.MapGet("/charges", ListAsync).Validate<ChargesPaging>().Validate<ChargesRange>().WithName("ListCharges").WithTimeQuery("from", "to")
            .WithSummary("Charges on completed quotes, earliest first, paged; customer name and phone masked (张*, 138****0000).")
            .WithDescription("Filtered by from (inclusive) and to (exclusive); page, pageSize up to 200. Each line gives the quoted unit price, the list price in effect at completion, and the unit price charged with the version it came from.");
        group.MapGet("/charges.csv", CsvAsync).Validate<ChargesRange>().WithName("DownloadChargesCsv")
            .WithDescription("Regulator key. `from`/`to` bound the range as for GET /api/regulator/charges; customers are masked as in the JSON.").WithTimeQuery("from", "to")
            .WithSummary("The charges in the range as CSV, one row per charged line, customer masked.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        group.MapGet("/charges.xlsx", WorkbookAsync).Validate<ChargesRange>().WithName("DownloadChargesWorkbook")
            .WithDescription("Regulator key. The same rows as the CSV, with money formatted to the fen.").WithTimeQuery("from", "to")
            .WithSummary("The charges in the range as an Excel workbook, one row per charged line, customer masked.")
            .Produces<byte[]>(StatusCodes.Status200OK, FeeListWorkbook.ContentType);
        group.MapChargeCompliance();
        return group;
    }

    /// <summary>Completed quotes charged in the range, with their charges, earliest first.</summary>
    internal static IQueryable<Quote> Charged(PricingDbContext db, ChargesRange range)
    {
        var (from, to) = range.Bounds();
        var quotes = db.Quotes.AsNoTracking().Where(q => q.Charge != null);
        if (from is { } start)
        {
            quotes = quotes.Where(q => q.Charge!.ChargedAt >= start);
        }

        if (to is { } end)
        {
            quotes = quotes.Where(q => q.Charge!.ChargedAt < end);
        }

        return quotes.OrderBy(q => q.Charge!.ChargedAt).ThenBy(q => q.Id);
    }

    private static async Task<Ok<ChargePage>> ListAsync([AsParameters] ChargesPaging paging, [AsParameters] ChargesRange range, PricingDbContext db, CancellationToken ct)
    {
        var charged = Charged(db, range);
        var total = await charged.CountAsync(ct);
        var quotes = await charged.Skip((paging.PageNumber - 1) * paging.Size).Take(paging.Size)
            .Include(q => q.Charge!).ThenInclude(c => c.Lines).ToListAsync(ct);
        return TypedResults.Ok(new ChargePage(paging.PageNumber, paging.Size, total, quotes.ConvertAll(ChargeView.From)));
    }

    private static async Task<FileContentHttpResult> CsvAsync([AsParameters] ChargesRange range, PricingDbContext db, CancellationToken ct)
    {
        var rows = await RowsAsync(db, range, ct);
        return TypedResults.File(CsvWriter.Write(Columns.Select(c => c.Header).ToList(), rows.Select(r => Columns.Select(c => Text(c.Value(r))).ToList())),
            CsvWriter.ContentType, "charges.csv");
    }

    private static async Task<FileContentHttpResult> WorkbookAsync([AsParameters] ChargesRange range, PricingDbContext db, CancellationToken ct)
    {
        var rows = await RowsAsync(db, range, ct);
        using var workbook = new XLWorkbook();
        FeeListWorkbook.WriteTable(workbook.AddWorksheet("收费记录 Charges"), Columns, rows);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return TypedResults.File(stream.ToArray(), FeeListWorkbook.ContentType, "charges.xlsx");
    }

    /// <summary>One row per charged line, the charge's facts repeated on each, as a spreadsheet filters best.</summary>
    private static async Task<List<(ChargeView Charge, ChargeLineResponse Line)>> RowsAsync(PricingDbContext db, ChargesRange range, CancellationToken ct)
    {
        var quotes = await Charged(db, range).Include(q => q.Charge!).ThenInclude(c => c.Lines).ToListAsync(ct);
        return quotes.Select(ChargeView.From).SelectMany(c => c.Lines.Select(l => (c, l))).ToList();
    }

    private const string MoneyFormat = FeeListWorkbookColumns.MoneyFormat;

    /// <summary>The columns of both exports, so the CSV and the workbook cannot drift apart.</summary>
    private static readonly WorkbookColumn<(ChargeView Charge, ChargeLineResponse Line)>[] Columns =
    [
        new("报价单号 quoteNumber", 16, r => r.Charge.QuoteNumber),
        new("收费时间 chargedAt", 24, r => Utility.UtilityTime.Format(r.Charge.ChargedAt)),
        new("客户 customerName", 10, r => r.Charge.Customer.Name),
        new("电话 customerPhone", 14, r => r.Charge.Customer.Phone),
        new("区 district", 10, r => r.Charge.Customer.District),
        new("报价版本 quotedFeeListVersion", 10, r => r.Charge.QuotedFeeListVersion),
        new("服务编号 serviceCode", 24, r => r.Line.ServiceCode),
        new("数量 quantity", 10, r => r.Line.Quantity),
        new("报价单价 quotedUnitPrice", 14, r => r.Line.QuotedUnitPrice, MoneyFormat),
        new("完工时目录价 listUnitPrice", 14, r => (object?)r.Line.ListUnitPrice ?? "", MoneyFormat),
        new("收费单价 unitPrice", 14, r => r.Line.UnitPrice, MoneyFormat),
        new("单价来源版本 feeListVersion", 10, r => r.Line.FeeListVersion),
        new("金额 lineTotal", 14, r => r.Line.LineTotal, MoneyFormat),
        new("收费合计 chargeTotal", 14, r => r.Charge.Total, MoneyFormat),
    ];

    private static string Text(object value) => value switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
