using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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

    /// <summary>The spreadsheet row of <paramref name="code"/> in an exported workbook.</summary>
    private static int RowOf(byte[] workbook, string code)
    {
        var row = 0;
        Edit(workbook, (_, _, find) => row = find(code));
        return row;
    }

    /// <summary>Another admin's careful edit: read the item, change it, write it back with If-Match naming the revision read.</summary>
    private static async Task ChangeCarefullyAsync(HttpClient admin, string code, string field, object value)
    {
        var read = await admin.GetAsync($"/api/admin/services/{code}");
        var body = (await read.JsonBodyAsync()).AsObject();
        body.Remove("price"); // computed: a write sends priceExcludingTax
        body[field] = JsonValue.Create(value);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/services/{code}") { Content = JsonContent.Create(body, options: HttpAssertions.Json) };
        put.Headers.IfMatch.Add(read.Headers.ETag!);
        await (await admin.SendAsync(put)).JsonBodyAsync();
    }

    [Fact]
    public async Task AnImportDoesNotUndoAChangeMadeAfterItsExport()
    {
        await using var app = new PricingApiFactory();
        var alice = app.CreateClient(Roles.PricingAdmin, "Alice");
        var bob = app.CreateClient(Roles.PricingAdmin, "Bob");
        var exported = Edit(await ExportAsync(alice), (sheet, column, row) =>
            sheet.Cell(row("EXT-TANK-CLEAN-20"), column("priceExcludingTax")).SetValue(880m)); // Alice's own edit, which must not land either
        var row43 = RowOf(exported, "EXT-TEST-43");

        await ChangeCarefullyAsync(bob, "EXT-TEST-43", "priceExcludingTax", 2000.00m); // after Alice's export
        var response = await ImportAsync(alice, exported);

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"Row {row43} (EXT-TEST-43) was changed by someone else after this workbook was exported: its revision is 2 now, 1 in the workbook. "
            + "Nothing was imported; export the workbook again and reapply your edits.", problem["detail"]!.GetValue<string>());
        Assert.Equal(2000.00m, (await (await bob.GetAsync("/api/admin/services/EXT-TEST-43")).JsonBodyAsync())["priceExcludingTax"]!.GetValue<decimal>());
        Assert.Equal(900.00m, (await (await bob.GetAsync("/api/admin/services/EXT-TANK-CLEAN-20")).JsonBodyAsync())["priceExcludingTax"]!.GetValue<decimal>());

        // In the default language, Chinese, as every other refusal.
        var chinese = app.CreateClient(Roles.PricingAdmin);
        chinese.DefaultRequestHeaders.AcceptLanguage.Clear();
        Assert.Equal($"第 {row43} 行（EXT-TEST-43）在本工作簿导出后已被他人修改：当前修订号为 2，工作簿中为 1。 未导入任何内容；请重新导出工作簿后再修改。",
            (await (await ImportAsync(chinese, exported)).ProblemAsync(HttpStatusCode.Conflict))["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARowWithoutARevisionMayAddAServiceButNotChangeOne()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var before = await admin.GetStringAsync("/api/admin/services");
        var tankRow = 0;
        var blank = Edit(await ExportAsync(admin), (sheet, column, row) =>
        {
            sheet.Cell(tankRow = row("EXT-TANK-CLEAN-20"), column("priceExcludingTax")).SetValue(880m);
            sheet.Cell(tankRow, column("revision")).Clear();
        });

        Assert.Equal(["EXT-TANK-CLEAN-20: 'revision' is blank, so this row may overwrite a change made after the workbook was exported. "
            + "Export the workbook again and edit that; a new service's row needs no revision."],
            await (await ImportAsync(admin, blank)).ValidationErrorsAsync($"rows[{tankRow}].revision"));
        Assert.Equal(before, await admin.GetStringAsync("/api/admin/services"));

        // A revision no item ever had is an edited cell, not someone else's change: a 400, not the 409 that would say so.
        var zero = Edit(await ExportAsync(admin), (sheet, column, row) =>
        {
            sheet.Cell(tankRow, column("priceExcludingTax")).SetValue(880m);
            sheet.Cell(tankRow, column("revision")).SetValue(0);
        });
        Assert.Contains("EXT-TANK-CLEAN-20: 'revision' is 0, which no item ever had (revisions start at 1); leave the exported value as it is.",
            await (await ImportAsync(admin, zero)).ValidationErrorsAsync($"rows[{tankRow}].revision"));
        Assert.Equal(before, await admin.GetStringAsync("/api/admin/services"));

        // A hand-made sheet without the column: its unedited rows change nothing, a new code is created.
        var handMade = Edit(await ExportAsync(admin), (sheet, column, row) =>
        {
            var copy = row("EXT-TEST-9");
            var last = sheet.LastRowUsed().RowNumber() + 1;
            sheet.Row(copy).CopyTo(sheet.Row(last));
            sheet.Cell(last, column("code")).SetValue("EXT-TEST-9-URGENT");
            sheet.Column(column("revision")).Delete();
        });
        var result = await (await ImportAsync(admin, handMade)).JsonBodyAsync();
        Assert.Equal(["EXT-TEST-9-URGENT"], result["created"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Empty(result["updated"]!.AsArray());
        Assert.Equal(29, result["unchanged"]!.AsArray().Count);
    }

    [Fact]
    public async Task TheProviderIsExportedAndKeptOrChangedByAnImport()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await ChangeCarefullyAsync(admin, "EXT-TEST-43", "provider", "tongyong");
        async Task<JsonNode> Read(string code) => await (await admin.GetAsync($"/api/admin/services/{code}")).JsonBodyAsync();
        static string? Provider(JsonNode service) => service["provider"]?.GetValue<string>();

        // An edited row keeps the provider its cell shows; a changed cell moves the service to that provider.
        var edited = Edit(await ExportAsync(admin), (sheet, column, row) =>
        {
            Assert.Equal("tongyong", sheet.Cell(row("EXT-TEST-43"), column("provider")).GetString());
            Assert.Equal("", sheet.Cell(row("EXT-TEST-9"), column("provider")).GetString());
            sheet.Cell(row("EXT-TEST-43"), column("priceExcludingTax")).SetValue(2000m);
            sheet.Cell(row("EXT-TEST-9"), column("provider")).SetValue("tongyong");
        });
        var result = await (await ImportAsync(admin, edited)).JsonBodyAsync();
        Assert.Equal(["EXT-TEST-43", "EXT-TEST-9"], result["updated"]!.AsArray().Select(c => c!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("tongyong", Provider(await Read("EXT-TEST-43")));
        Assert.Equal(2000.00m, (await Read("EXT-TEST-43"))["priceExcludingTax"]!.GetValue<decimal>());
        Assert.Equal("tongyong", Provider(await Read("EXT-TEST-9")));

        // A workbook made before the column existed leaves the stored provider as it is.
        var old = Edit(await ExportAsync(admin), (sheet, column, row) =>
        {
            sheet.Cell(row("EXT-TEST-43"), column("priceExcludingTax")).SetValue(1990m);
            sheet.Column(column("provider")).Delete();
        });
        Assert.Equal(["EXT-TEST-43"], (await (await ImportAsync(admin, old)).JsonBodyAsync())["updated"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("tongyong", Provider(await Read("EXT-TEST-43")));

        // An unknown provider is refused as the admin API refuses it, naming the row.
        var before = await admin.GetStringAsync("/api/admin/services");
        var unknownRow = 0;
        var unknown = Edit(await ExportAsync(admin), (sheet, column, row) => sheet.Cell(unknownRow = row("EXT-TEST-43"), column("provider")).SetValue("acme"));
        Assert.Equal(["EXT-TEST-43: 'provider' must be one of the configured providers: shuigong, tongyong."],
            await (await ImportAsync(admin, unknown)).ValidationErrorsAsync($"rows[{unknownRow}].provider"));
        Assert.Equal(before, await admin.GetStringAsync("/api/admin/services"));
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

    /// <summary>An old workbook brought back a service another admin deleted after the export (its row was simply created again).</summary>
    [Fact]
    public async Task AnImportDoesNotBringBackAServiceDeletedAfterItsExport()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var old = await ExportAsync(admin);
        var row = RowOf(old, "EXT-TEST-43");
        Assert.Equal(HttpStatusCode.NoContent, (await app.CreateClient(Roles.PricingAdmin, "Another admin").DeleteAsync("/api/admin/services/EXT-TEST-43")).StatusCode);

        var problem = await (await ImportAsync(admin, old)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.StartsWith($"Row {row} (EXT-TEST-43) carries revision 1, but no service EXT-TEST-43 exists now: it was deleted after this workbook was exported", problem["detail"]!.GetValue<string>());
        await (await admin.GetAsync("/api/admin/services/EXT-TEST-43")).ProblemAsync(HttpStatusCode.NotFound);
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
            sheet.Cell(last, column("revision")).Clear(); // a new service's row has no revision
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
    public async Task RowRefusalsAreInChineseByDefault()
    {
        await using var app = new PricingApiFactory();
        var chinese = app.CreateClient(Roles.PricingAdmin).WithoutAcceptLanguage();
        int copyRow = 0, categoryRow = 0;
        var edited = Edit(await ExportAsync(chinese), (sheet, column, row) =>
        {
            sheet.Cell(categoryRow = row("EXT-LEAK-DN25"), column("category")).SetValue("bogus");
            sheet.Cell(copyRow = row("EXT-TEST-9"), column("code")).SetValue("EXT-TANK-CLEAN-20");
        });

        var errors = (await (await ImportAsync(chinese, edited)).ProblemAsync(HttpStatusCode.BadRequest))["errors"]!.AsObject();

        Assert.StartsWith("EXT-LEAK-DN25: “category”须为以下之一：", errors[$"rows[{categoryRow}].category"]![0]!.GetValue<string>());
        Assert.EndsWith("；“bogus”不在其中。", errors[$"rows[{categoryRow}].category"]![0]!.GetValue<string>());
        var duplicate = errors.Where(e => e.Key.StartsWith("rows[", StringComparison.Ordinal)).SelectMany(e => e.Value!.AsArray()).Select(m => m!.GetValue<string>());
        Assert.Contains("EXT-TANK-CLEAN-20: 编码 EXT-TANK-CLEAN-20 出现在多行；每个服务只占一行。", duplicate);
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
