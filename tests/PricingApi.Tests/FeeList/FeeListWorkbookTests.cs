using System.Net;
using ClosedXML.Excel;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeeList;

public class FeeListWorkbookTests
{
    [Fact]
    public async Task WorkbookHoldsBothListsWithBilingualHeadersAndMoneyAsNumbers()
    {
        await using var app = new PricingApiFactory();
        var response = await app.CreateAnonymousClient().GetAsync("/api/fee-list.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=\"fee-list-v1.xlsx\"", response.Content.Headers.ContentDisposition?.ToString());
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));

        Assert.Equal(["基础服务 Basic", "延伸服务 Extended", "说明 About"], workbook.Worksheets.Select(s => s.Name));
        var extended = workbook.Worksheet("延伸服务 Extended");
        Assert.Equal(1, extended.SheetView.SplitRow);
        Assert.Equal("含税价（元） Price incl. VAT (CNY)", extended.Cell(1, 7).GetString());
        Assert.Equal(1 + 21, extended.LastRowUsed().RowNumber());
        var tank = extended.RowsUsed().Single(r => r.Cell(1).GetString() == "EXT-TANK-CLEAN-20");
        Assert.Equal("清洗 Cleaning", tank.Cell(2).GetString());
        Assert.Equal("per cleaning", tank.Cell(6).GetString());
        Assert.Equal(XLDataType.Number, tank.Cell(7).DataType);
        Assert.Equal(954.00m, tank.Cell(7).GetValue<decimal>());
        Assert.Equal("0.00", tank.Cell(7).Style.NumberFormat.Format);
        Assert.Equal(0.06m, tank.Cell(8).GetValue<decimal>());
        Assert.Equal("0%", tank.Cell(8).Style.NumberFormat.Format);
        Assert.Equal(900.00m, tank.Cell(9).GetValue<decimal>());
        Assert.Equal("市场调节价 Market-regulated", tank.Cell(10).GetString());

        var basic = workbook.Worksheet("基础服务 Basic");
        Assert.Equal(1 + 8, basic.LastRowUsed().RowNumber());
        var development = basic.RowsUsed().Single(r => r.Cell(1).GetString() == "BAS-METER-DEVELOPMENT");
        Assert.Equal(0m, development.Cell(4).GetValue<decimal>());
        Assert.Equal("开发建设单位承担 Paid by the developer", development.Cell(5).GetString());

        var about = workbook.Worksheet("说明 About");
        Assert.Equal("昆明自来水集团有限公司 Kunming Water Supply Group Co., Ltd.", about.Cell(1, 2).GetString());
        Assert.Equal("12315", about.Cell(6, 2).GetString());
        Assert.Equal(XLDataType.Text, about.Cell(6, 2).DataType);
    }
}
