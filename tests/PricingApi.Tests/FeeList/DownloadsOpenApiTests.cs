using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeeList;

/// <summary>The OpenAPI document tells clients about the downloads this branch added: the CSV's lang and the regulator's workbook.</summary>
public class DownloadsOpenApiTests
{
    [Fact]
    public async Task TheDocumentDeclaresTheCsvLanguageAndTheRegulatorWorkbook()
    {
        await using var app = new PricingApiFactory();
        var paths = (await (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).JsonBodyAsync())["paths"]!;

        var csv = paths["/api/fee-list.csv"]!["get"]!;
        var lang = csv["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "lang")!;
        Assert.Equal("query", lang["in"]!.GetValue<string>());
        Assert.Contains("?lang=zh", csv["description"]!.GetValue<string>());
        Assert.True(csv["responses"]!.AsObject().ContainsKey("400"));

        var workbook = paths["/api/regulator/fee-list/versions/{version}.xlsx"]!["get"]!;
        Assert.True(workbook["responses"]!["200"]!["content"]!.AsObject().ContainsKey("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Assert.True(workbook["responses"]!.AsObject().ContainsKey("304"));
        Assert.True(workbook["responses"]!.AsObject().ContainsKey("404"));
    }
}
