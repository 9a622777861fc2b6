using System.Net;
using System.Net.Http.Headers;
using ClosedXML.Excel;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Regulator;

/// <remarks>The tests only read: one service for the class.</remarks>
public class CostedFeeListWorkbookTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Fact]
    public async Task AVersionDownloadsAsAWorkbookWithCostsMarginsAndTheCapCheck()
    {
        var app = shared.App;
        var regulator = app.CreateClient(Roles.Regulator);

        var response = await regulator.GetAsync("/api/regulator/fee-list/versions/1.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("fee-list-v1-costs.xlsx", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["延伸服务成本 Extended with costs", "基础服务 Basic", "说明 About"], workbook.Worksheets.Select(s => s.Name));

        var extended = workbook.Worksheet("延伸服务成本 Extended with costs");
        Assert.Equal("成本合计（元） Cost (CNY)", extended.Cell(1, 11).GetString());
        Assert.Equal(1 + 21, extended.LastRowUsed().RowNumber());
        var tank = extended.RowsUsed().Single(r => r.Cell(1).GetString() == "EXT-TANK-CLEAN-20");
        Assert.Equal(820.00m, tank.Cell(11).GetValue<decimal>());
        Assert.Equal("#,##0.00", tank.Cell(11).Style.NumberFormat.Format);
        Assert.Equal(900.00m, tank.Cell(12).GetValue<decimal>());
        Assert.Equal(0.06m, tank.Cell(13).GetValue<decimal>());
        Assert.Equal("0%", tank.Cell(13).Style.NumberFormat.Format);
        Assert.Equal(954.00m, tank.Cell(14).GetValue<decimal>());
        Assert.Equal(0.097561m, tank.Cell(15).GetValue<decimal>()); // 80 ÷ 820, as in the CSV
        Assert.Equal("0.0000%", tank.Cell(15).Style.NumberFormat.Format); // shown as 9.7561%
        Assert.Equal(902.00m, tank.Cell(16).GetValue<decimal>());
        Assert.Equal("是 Yes", tank.Cell(17).GetString());
        Assert.Equal("经营者 Provider", extended.Cell(1, 20).GetString()); // as on the public workbook
        Assert.Equal("水工集团", tank.Cell(20).GetString());
        Assert.Equal(XLPageOrientation.Landscape, extended.PageSetup.PageOrientation);
        Assert.Equal(1, extended.PageSetup.LastRowToRepeatAtTop);

        var basic = workbook.Worksheet("基础服务 Basic");
        Assert.Equal(1 + 8, basic.LastRowUsed().RowNumber());
    }

    [Fact]
    public async Task AnUnchangedWorkbookIs304AndAnUnknownVersionIs404()
    {
        var app = shared.App;
        var regulator = app.CreateClient(Roles.Regulator);
        var first = await regulator.GetAsync("/api/regulator/fee-list/versions/1.xlsx");

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/regulator/fee-list/versions/1.xlsx");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await regulator.SendAsync(again);
        var missing = await regulator.GetAsync("/api/regulator/fee-list/versions/9.xlsx");

        Assert.True(first.Headers.ETag!.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ThePublicCannotDownloadTheCosts()
    {
        var app = shared.App;

        var response = await app.CreateAnonymousClient().GetAsync("/api/regulator/fee-list/versions/1.xlsx");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
