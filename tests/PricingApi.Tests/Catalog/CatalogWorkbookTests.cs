using System.Net;
using System.Net.Http.Headers;
using ClosedXML.Excel;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Catalog;

/// <summary>A pricing clerk's spreadsheet: export the working catalog, edit it in Excel, import it back whole or not at all.</summary>
public class CatalogWorkbookTests
{
    private const string Sheet = "目录 Catalog";

    private static async Task<byte[]> ExportAsync(HttpClient admin)
    {
        var response = await admin.GetAsync("/api/admin/services.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient admin, byte[] workbook)
    {
        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return admin.PostAsync("/api/admin/services/import", content);
    }

    /// <summary>Edits the workbook as a clerk would, by column field name and row code.</summary>
    private static byte[] Edit(byte[] workbook, Action<IXLWorksheet, Func<string, int>, Func<string, int>> edit)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook));
        var sheet = book.Worksheet(Sheet);
        int Column(string field) => sheet.Row(1).CellsUsed().Single(c => c.GetString().EndsWith(" " + field, StringComparison.Ordinal)).Address.ColumnNumber;
        int Row(string code) => sheet.Column(Column("code")).CellsUsed().Single(c => c.GetString() == code).Address.RowNumber;
        edit(sheet, Column, Row);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task ARoundTripWithoutEditsChangesNothing()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var before = await admin.GetStringAsync("/api/admin/services");
        var auditBefore = (await (await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/audit")).JsonBodyAsync()).ToJsonString();

        var result = await (await ImportAsync(admin, await ExportAsync(admin))).JsonBodyAsync();

        Assert.Empty(result["created"]!.AsArray());
        Assert.Empty(result["updated"]!.AsArray());
        Assert.Equal(29, result["unchanged"]!.AsArray().Count);
        Assert.Equal(before, await admin.GetStringAsync("/api/admin/services"));
        Assert.Equal(auditBefore, (await (await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/audit")).JsonBodyAsync()).ToJsonString());
    }

    [Fact]
    public async Task AnEditedPriceAndANewRowAreImported()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var edited = Edit(await ExportAsync(admin), (sheet, column, row) =>
        {
            sheet.Cell(row("EXT-TANK-CLEAN-20"), column("priceExcludingTax")).SetValue(880m);
            var copy = row("EXT-TEST-9");
            var last = sheet.LastRowUsed().RowNumber() + 1;
            sheet.Row(copy).CopyTo(sheet.Row(last));
            sheet.Cell(last, column("code")).SetValue("EXT-TEST-9-URGENT");
            sheet.Cell(last, column("name")).SetValue("水质常规9项检测（加急）");
        });

        var result = await (await ImportAsync(admin, edited)).JsonBodyAsync();

        Assert.Equal(["EXT-TEST-9-URGENT"], result["created"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["EXT-TANK-CLEAN-20"], result["updated"]!.AsArray().Select(c => c!.GetValue<string>()));
        var tank = await (await admin.GetAsync("/api/admin/services/EXT-TANK-CLEAN-20")).JsonBodyAsync();
        Assert.Equal(880.00m, tank["priceExcludingTax"]!.GetValue<decimal>());
        Assert.Equal(932.80m, tank["price"]!.GetValue<decimal>());
        var urgent = await (await admin.GetAsync("/api/admin/services/EXT-TEST-9-URGENT")).JsonBodyAsync();
        Assert.Equal("kunming-2022-1/3.9", urgent["legalBasis"]!.GetValue<string>());
    }

    [Fact]
    public async Task RefusedRowsAreEachListedAndNothingIsImported()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var before = await admin.GetStringAsync("/api/admin/services");
        int vatRow = 0, nameRow = 0, basisRow = 0, capRow = 0;
        var edited = Edit(await ExportAsync(admin), (sheet, column, row) =>
        {
            sheet.Cell(row("EXT-TANK-CLEAN-20"), column("priceExcludingTax")).SetValue(880m); // a good edit, which must not land either
            sheet.Cell(vatRow = row("EXT-TANK-CLEAN-50"), column("vatRate")).SetValue(0.5m);
            sheet.Cell(nameRow = row("EXT-TEST-9"), column("name")).SetValue("供水报装受理费");
            sheet.Cell(basisRow = row("EXT-LEAK-DN25"), column("legalBasis")).SetValue("x");
            sheet.Cell(capRow = row("EXT-VALVE-DN25"), column("priceExcludingTax")).SetValue(9999m);
        });

        var response = await ImportAsync(admin, edited);
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();

        Assert.Contains("0.06, 0.09, 0.13", errors[$"rows[{vatRow}].vatRate"]![0]!.GetValue<string>());
        Assert.Contains("BAS-APPLY", errors[$"rows[{nameRow}]"]![0]!.GetValue<string>());
        Assert.StartsWith("EXT-LEAK-DN25:", errors[$"rows[{basisRow}].legalBasis"]![0]!.GetValue<string>());
        Assert.Contains("highest allowed price", errors[$"rows[{capRow}]"]![0]!.GetValue<string>());
        Assert.Contains("4 of 29 rows were refused", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await admin.GetStringAsync("/api/admin/services"));
    }

    [Fact]
    public async Task ABodyThatIsNotTheCatalogWorkbookIsA400()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);

        Assert.Contains("not an Excel workbook", (await (await ImportAsync(admin, "code,name\n"u8.ToArray())).ValidationErrorsAsync("body"))[0]);
        var feeList = await (await admin.GetAsync("/api/fee-list.xlsx")).Content.ReadAsByteArrayAsync();
        Assert.Contains("no sheet named", (await (await ImportAsync(admin, feeList)).ValidationErrorsAsync("body"))[0]);
        await (await app.CreateClient(Roles.Staff).GetAsync("/api/admin/services.xlsx")).ProblemAsync(HttpStatusCode.Forbidden);

        // In the default language, Chinese, as every other refusal.
        var chinese = app.CreateClient(Roles.PricingAdmin);
        chinese.DefaultRequestHeaders.AcceptLanguage.Clear();
        Assert.Equal("请求内容不是 Excel 工作簿（.xlsx）。请先用 GET /api/admin/services.xlsx 导出一份。",
            (await (await ImportAsync(chinese, "code,name\n"u8.ToArray())).ValidationErrorsAsync("body"))[0]);
        Assert.Equal("工作簿中没有名为“目录 Catalog”的工作表。请用 GET /api/admin/services.xlsx 导出一份，在其上修改。",
            (await (await ImportAsync(chinese, feeList)).ValidationErrorsAsync("body"))[0]);
    }
}
