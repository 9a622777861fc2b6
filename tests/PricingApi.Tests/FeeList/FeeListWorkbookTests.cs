using System.Net;
using ClosedXML.Excel;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeeList;

/// <remarks>One service for the tests that only read; the one that publishes starts its own.</remarks>
public class FeeListWorkbookTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Fact]
    public async Task WorkbookHoldsBothListsWithBilingualHeadersAndMoneyAsNumbers()
    {
        var app = shared.App;
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
        Assert.Equal("#,##0.00", tank.Cell(7).Style.NumberFormat.Format);
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
        // Dates are dates, in the utility's zone, shown as Chinese readers write them.
        Assert.Equal(XLDataType.DateTime, about.Cell(3, 2).DataType);
        Assert.Equal(new DateTime(2026, 11, 23, 9, 0, 0), about.Cell(3, 2).GetDateTime());
        Assert.StartsWith("yyyy\"年\"m\"月\"d\"日\"", about.Cell(3, 2).Style.NumberFormat.Format);
    }

    [Fact]
    public async Task EverySheetPrintsOnA4LandscapeFitToWidthWithItsHeaderRowRepeated()
    {
        var app = shared.App;
        using var workbook = new XLWorkbook(new MemoryStream(await app.CreateAnonymousClient().GetByteArrayAsync("/api/fee-list.xlsx")));

        foreach (var sheet in workbook.Worksheets)
        {
            var page = sheet.PageSetup;
            Assert.Equal(XLPaperSize.A4Paper, page.PaperSize);
            Assert.Equal(XLPageOrientation.Landscape, page.PageOrientation);
            Assert.Equal(1, page.PagesWide);
            Assert.Equal(0, page.PagesTall);
            Assert.Contains("第1版", page.Header.GetText(XLHFOccurrence.OddPages));
            Assert.Contains("&P", page.Footer.GetText(XLHFOccurrence.OddPages));
            Assert.Contains("&N", page.Footer.GetText(XLHFOccurrence.OddPages));
        }

        var extended = workbook.Worksheet("延伸服务 Extended").PageSetup;
        Assert.Equal(1, extended.FirstRowToRepeatAtTop);
        Assert.Equal(1, extended.LastRowToRepeatAtTop);
    }

    [Fact]
    public async Task AVatRateOfSixAndAHalfPercentShowsAs6Point5NotAs7()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?>
        {
            ["Pricing:VatRates:0"] = "0.06", ["Pricing:VatRates:1"] = "0.065", ["Pricing:VatRates:2"] = "0.09", ["Pricing:VatRates:3"] = "0.13",
        });
        var admin = app.CreateAdmin();
        await admin.AddServiceAsync(Requests.Extended("EXT-RATE-65", vatRate: 0.065m));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await admin.PublishAsync();

        using var workbook = new XLWorkbook(new MemoryStream(await app.CreateAnonymousClient().GetByteArrayAsync("/api/fee-list.xlsx")));
        var extended = workbook.Worksheet("延伸服务 Extended");
        var odd = extended.RowsUsed().Single(r => r.Cell(1).GetString() == "EXT-RATE-65").Cell(8);
        var tank = extended.RowsUsed().Single(r => r.Cell(1).GetString() == "EXT-TANK-CLEAN-20").Cell(8);

        Assert.Equal(0.065m, odd.GetValue<decimal>());
        Assert.Equal("0.0%", odd.Style.NumberFormat.Format);
        Assert.Equal("0%", tank.Style.NumberFormat.Format);
    }

    [Theory]
    [InlineData("0.06", "0%")]
    [InlineData("0.065", "0.0%")]
    [InlineData("0.13", "0%")]
    [InlineData("0.0975", "0.00%")]
    [InlineData("0.097561", "0.0000%")]
    public void ARateIsShownWithExactlyTheDecimalsItHas(string fraction, string format) =>
        Assert.Equal(format, new PricingApi.FeeList.WorkbookRate(decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture)).Format);
}
