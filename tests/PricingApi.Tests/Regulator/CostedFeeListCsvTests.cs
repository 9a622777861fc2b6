using System.Net;
using System.Text;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Regulator;

/// <remarks>One service for the tests that only read; the one that publishes starts its own.</remarks>
public class CostedFeeListCsvTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Fact]
    public async Task AVersionDownloadsAsUtf8CsvWithBomHeaderAndOneRowPerService()
    {
        var app = shared.App;

        var response = await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/fee-list/versions/1.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("fee-list-v1.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var rows = Read(bytes);
        var document = await (await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/fee-list/versions/1")).JsonBodyAsync();
        Assert.Equal(
            document["extendedServices"]!.AsArray().Count + document["basicServices"]!.AsArray().Count,
            rows.Count);
        Assert.Equal(["extended", "basic"], rows.Select(r => r["kind"]).Distinct());

        var tank = rows.Single(r => r["code"] == "EXT-TANK-CLEAN-20");
        Assert.Equal("二次供水水箱（池）清洗消毒（容积20立方米及以下）", tank["name"]);
        Assert.Equal("cleaning", tank["category"]);
        Assert.Equal("820.00", tank["cost"]);
        Assert.Equal("900.00", tank["priceExcludingTax"]);
        Assert.Equal("954.00", tank["price"]);
        Assert.Equal("0.097561", tank["costProfitRatio"]); // 80 ÷ 820
        Assert.Equal("902.00", tank["highestAllowedPrice"]);
        Assert.Equal("true", tank["withinCap"]);

        var apply = rows.Single(r => r["code"] == "BAS-APPLY");
        Assert.Equal("0.00", apply["price"]);
        Assert.Equal("utility", apply["paidBy"]);
        Assert.Equal("", apply["cost"]);
    }

    [Fact]
    public async Task CommasQuotesAndFormulaLookingTextSurviveAsText()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await RegulatorSteps.CreateAsync(admin, RegulatorSteps.ItemisedService("EXT-CSV-1", 903.13m)
            .With("name", "清洗, \"特殊\" 项目")
            .With("nameEn", "=HYPERLINK(\"http://example.com\",\"click\")")
            .With("unitEn", "@per visit"));
        await RegulatorSteps.PublishAsync(app, admin);

        var bytes = await app.CreateClient(Roles.Regulator).GetByteArrayAsync("/api/regulator/fee-list/versions/2.csv");
        var text = Encoding.UTF8.GetString(bytes);
        var row = Read(bytes).Single(r => r["code"] == "EXT-CSV-1");

        Assert.Contains(",\"清洗, \"\"特殊\"\" 项目\",", text);
        Assert.Equal("清洗, \"特殊\" 项目", row["name"]);
        Assert.Equal("'=HYPERLINK(\"http://example.com\",\"click\")", row["nameEn"]);
        Assert.Equal("'@per visit", row["unitEn"]);
        Assert.Equal(["120.10", "500.25", "80.05", "60.30", "60.33", "821.03"],
            new[] { "costMaterials", "costLabour", "costMachinery", "costOther", "costOverhead", "cost" }.Select(c => row[c]));
        Assert.Equal("0.099996", row["costProfitRatio"]);
        Assert.Equal("984.41", row["price"]);
    }

    [Fact]
    public async Task EachExtendedServiceNamesItsProviderAsThePublicCsvDoes()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await RegulatorSteps.CreateAsync(admin, RegulatorSteps.ItemisedService("EXT-TY-1", 903.13m).With("provider", "tongyong"));
        await RegulatorSteps.PublishAsync(app, admin);

        var rows = Read(await app.CreateClient(Roles.Regulator).GetByteArrayAsync("/api/regulator/fee-list/versions/2.csv"));
        var published = Read(await app.CreateAnonymousClient().GetByteArrayAsync("/api/fee-list.csv"));

        Assert.Equal("通用水务", rows.Single(r => r["code"] == "EXT-TY-1")["provider"]);
        Assert.Equal("水工集团", rows.Single(r => r["code"] == "EXT-TANK-CLEAN-20")["provider"]);
        Assert.Equal("", rows.Single(r => r["code"] == "BAS-APPLY")["provider"]);
        Assert.Equal(published.ToDictionary(r => r["code"], r => r["provider"]), rows.ToDictionary(r => r["code"], r => r["provider"]));
    }

    [Fact]
    public async Task AnUnchangedExportIs304()
    {
        var app = shared.App;
        var regulator = app.CreateClient(Roles.Regulator);
        var first = await regulator.GetAsync("/api/regulator/fee-list/versions/1.csv");

        var again = new HttpRequestMessage(HttpMethod.Get, "/api/regulator/fee-list/versions/1.csv");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, (await regulator.SendAsync(again)).StatusCode);
    }

    /// <summary>The rows as field maps, read back with the suite's own RFC 4180 reader (it also checks the closing CRLF).</summary>
    private static List<Dictionary<string, string>> Read(byte[] bytes)
    {
        var rows = CsvReader.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = rows[0];
        Assert.All(rows, r => Assert.Equal(header.Length, r.Length));
        return rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
