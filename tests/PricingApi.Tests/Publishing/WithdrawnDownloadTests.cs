using System.Net;
using System.Text;
using ClosedXML.Excel;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Publishing;

/// <summary>
/// The page of a withdrawn version, or of sample data, says so; its downloads and its compliance report said neither,
/// and so read as an official list (found by a hostile test). The JSON document keeps its bytes.
/// </summary>
public class WithdrawnDownloadTests
{
    private const string Publish = "/api/admin/fee-list/versions";
    private const string Withdrawn = "已于2026年11月23日 09:00撤回，从未执行。撤回原因：价格录入错误 Price typed wrong";
    private const string Sample = "示例数据，非正式收费标准";
    private static readonly DateTimeOffset December10 = new(2026, 12, 10, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task TheDownloadsAndComplianceReportOfAWithdrawnSampleVersionSayWhatItsPageSays()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var anonymous = app.CreateAnonymousClient();
        // Published from the edited sample catalog: it carries the sample mark over.
        await admin.PutJsonAsync("/api/admin/services/EXT-TEST-9", Requests.Extended("EXT-TEST-9", cost: 1000m, priceExcludingTax: 1100m));
        await (await admin.PostJsonAsync(Publish, new { effectiveFrom = December10 })).JsonBodyAsync(HttpStatusCode.Created);
        var scheduledCsv = await anonymous.GetAsync("/api/fee-list.csv?version=2");
        var scheduledWorkbook = await anonymous.GetAsync("/api/fee-list.xlsx?version=2");
        var json = await anonymous.GetByteArrayAsync("/api/fee-list/versions/2");
        // A scheduled version may yet be withdrawn: its files are not cached for good.
        Assert.DoesNotContain(scheduledCsv.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
        Assert.DoesNotContain("撤回", Encoding.UTF8.GetString(await scheduledCsv.Content.ReadAsByteArrayAsync()));

        await (await admin.PostJsonAsync($"{Publish}/2/withdrawal", new { reason = "价格录入错误 Price typed wrong" })).JsonBodyAsync();

        // The CSV: the notice on every row, and a download fetched before is not served again.
        var csv = await anonymous.GetAsync("/api/fee-list.csv?version=2");
        Assert.NotEqual(scheduledCsv.Headers.ETag, csv.Headers.ETag);
        Assert.Contains(csv.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
        var rows = CsvReader.Parse(Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]));
        Assert.Equal("notice", rows[0][^1]);
        Assert.All(rows.Skip(1), row => Assert.StartsWith($"{Withdrawn} Withdrawn on 23 November 2026, 09:00 before it took effect; never in effect.", row[^1]));
        Assert.All(rows.Skip(1), row => Assert.Contains(Sample, row[^1]));
        var revalidated = new HttpRequestMessage(HttpMethod.Get, "/api/fee-list.csv?version=2");
        revalidated.Headers.IfNoneMatch.Add(scheduledCsv.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(revalidated)).StatusCode);

        // The CSV for people says it above the table.
        var chinese = CsvReader.Parse(Encoding.UTF8.GetString((await anonymous.GetByteArrayAsync("/api/fee-list.csv?version=2&lang=zh"))[3..]));
        Assert.Equal(["提示", Withdrawn], chinese[3][..2]);
        Assert.Equal(["提示", Sample], chinese[4][..2]);
        Assert.Equal("版本", chinese[5][0]);

        // The workbook: the About sheet states it and opens first; every printed page's header marks it.
        var workbookResponse = await anonymous.GetAsync("/api/fee-list.xlsx?version=2");
        Assert.NotEqual(scheduledWorkbook.Headers.ETag, workbookResponse.Headers.ETag);
        using var workbook = new XLWorkbook(new MemoryStream(await workbookResponse.Content.ReadAsByteArrayAsync()));
        var about = workbook.Worksheet("说明 About");
        var notices = about.RowsUsed().Where(r => r.Cell(1).GetString() == "提示 Notice").Select(r => r.Cell(2).GetString()).ToList();
        Assert.Equal(2, notices.Count);
        Assert.StartsWith(Withdrawn, notices[0]);
        Assert.StartsWith(Sample, notices[1]);
        Assert.True(about.TabActive);
        Assert.All(workbook.Worksheets, sheet => Assert.Contains("已于2026年11月23日 09:00撤回，从未执行", sheet.PageSetup.Header.GetText(XLHFOccurrence.OddPages)));

        // The compliance report states the version's status.
        var report = await (await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/compliance?version=2")).JsonBodyAsync();
        Assert.Equal("withdrawn", report["status"]!.GetValue<string>());
        Assert.Equal("价格录入错误 Price typed wrong", report["withdrawalReason"]!.GetValue<string>());
        Assert.Equal("2026-11-23T09:00:00+08:00", report["withdrawnAt"]!.GetValue<string>());
        Assert.True(report["sample"]!.GetValue<bool>());
        var inEffect = await (await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/compliance")).JsonBodyAsync();
        Assert.Equal("in-effect", inEffect["status"]!.GetValue<string>());

        // The regulator's files with costs say the same: the notice on every CSV row; the workbook's About sheet, first.
        var regulator = app.CreateClient(Roles.Regulator);
        var costed = CsvReader.Parse(Encoding.UTF8.GetString((await regulator.GetByteArrayAsync("/api/regulator/fee-list/versions/2.csv"))[3..]));
        Assert.Equal("notice", costed[0][^1]);
        Assert.All(costed.Skip(1), row => Assert.StartsWith(Withdrawn, row[^1]));
        var costedResponse = await regulator.GetAsync("/api/regulator/fee-list/versions/2.xlsx");
        Assert.EndsWith("-withdrawn\"", costedResponse.Headers.ETag!.Tag);
        using var costedWorkbook = new XLWorkbook(new MemoryStream(await costedResponse.Content.ReadAsByteArrayAsync()));
        var costedAbout = costedWorkbook.Worksheet("说明 About");
        Assert.True(costedAbout.TabActive);
        Assert.Contains(costedAbout.RowsUsed(), r => r.Cell(1).GetString() == "提示 Notice" && r.Cell(2).GetString().StartsWith(Withdrawn, StringComparison.Ordinal));
        Assert.All(costedWorkbook.Worksheets, sheet => Assert.Contains("已于2026年11月23日 09:00撤回，从未执行", sheet.PageSetup.Header.GetText(XLHFOccurrence.OddPages)));

        // The version's JSON keeps its bytes.
        Assert.Equal(json, await anonymous.GetByteArrayAsync("/api/fee-list/versions/2"));
    }

    [Fact]
    public async Task AnOfficialListsDownloadsCarryNoNoticeAndASampleListsSayItIsSampleData()
    {
        await using var app = new PricingApiFactory();
        var anonymous = app.CreateAnonymousClient();
        var sample = CsvReader.Parse(Encoding.UTF8.GetString((await anonymous.GetByteArrayAsync("/api/fee-list.csv"))[3..]));
        Assert.All(sample.Skip(1), row => Assert.Equal($"{Sample} Sample data, not an official fee list: the prices and phone numbers are illustrative.", row[^1]));

        var admin = app.CreateClient(Roles.PricingAdmin);
        await admin.PutJsonAsync("/api/admin/services/EXT-TEST-9", Requests.Extended("EXT-TEST-9", priceExcludingTax: 105m));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await admin.PostJsonAsync(Publish, new { sample = false })).JsonBodyAsync(HttpStatusCode.Created);

        var official = CsvReader.Parse(Encoding.UTF8.GetString((await anonymous.GetByteArrayAsync("/api/fee-list.csv?version=2"))[3..]));
        Assert.All(official.Skip(1), row => Assert.Equal("", row[^1]));
        var costed = CsvReader.Parse(Encoding.UTF8.GetString((await app.CreateClient(Roles.Regulator).GetByteArrayAsync("/api/regulator/fee-list/versions/2.csv"))[3..]));
        Assert.All(costed.Skip(1), row => Assert.Equal("", row[^1]));
        using var workbook = new XLWorkbook(new MemoryStream(await anonymous.GetByteArrayAsync("/api/fee-list.xlsx?version=2")));
        Assert.DoesNotContain(workbook.Worksheet("说明 About").RowsUsed(), r => r.Cell(1).GetString() == "提示 Notice");
        Assert.True(workbook.Worksheet("基础服务 Basic").TabActive);
    }
}
