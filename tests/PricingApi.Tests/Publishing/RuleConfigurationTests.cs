using System.Text.Json.Nodes;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Publishing;

/// <summary>Issue 17, point 6: a start with different rule settings is recorded in the audit trail, naming what changed.</summary>
public class RuleConfigurationTests
{
    private const string Entries = "/api/regulator/audit?action=rules-configuration-changed";

    [Fact]
    public async Task AStartWithAnotherCapOrConnectionPolicyIsAuditedWithWhatChanged()
    {
        await using var first = new PricingApiFactory();
        var baseline = Assert.Single(await EntriesAsync(first))!;
        Assert.Equal("system", baseline["actor"]!["role"]!.GetValue<string>());
        Assert.Equal(0.10m, baseline["after"]!["values"]!["Pricing:CostProfitCap"]!.GetValue<decimal>());

        // The same settings again: nothing to record.
        await using (var same = new PricingApiFactory(shareDatabaseWith: first))
        {
            Assert.Single(await EntriesAsync(same));
        }

        await using var lowered = new PricingApiFactory(shareDatabaseWith: first, settings: new Dictionary<string, string?>
        {
            ["Pricing:CostProfitCap"] = "0.08",
            ["Connections:FreeConnection:MaxMeterDiameterMm"] = "32",
        });
        var entries = await EntriesAsync(lowered);
        Assert.Equal(2, entries.Count);
        var change = entries[0]!;
        Assert.Equal(["Connections", "Pricing:CostProfitCap"], change["after"]!["changed"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(0.10m, change["before"]!["values"]!["Pricing:CostProfitCap"]!.GetValue<decimal>());
        Assert.Equal(0.08m, change["after"]!["values"]!["Pricing:CostProfitCap"]!.GetValue<decimal>());
        Assert.Equal(40, change["before"]!["values"]!["Connections"]!["freeConnection"]!["maxMeterDiameterMm"]!.GetValue<int>());
        Assert.Equal(32, change["after"]!["values"]!["Connections"]!["freeConnection"]!["maxMeterDiameterMm"]!.GetValue<int>());
        Assert.NotEqual(baseline["subject"]!.GetValue<string>(), change["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task AStartWithAnotherVatListOrRegisterIsAuditedWithWhatChangedAndTheAreaIsRecorded()
    {
        await using var first = new PricingApiFactory();
        var baseline = Assert.Single(await EntriesAsync(first))!;
        var values = baseline["after"]!["values"]!;
        Assert.Equal([0.06m, 0.09m, 0.13m], values["Pricing:VatRates"]!.AsArray().Select(n => n!.GetValue<decimal>()));
        Assert.Equal(["呈贡区"], Excluded(values));
        Assert.NotEmpty(values["LegalBases"]!.AsArray());
        Assert.NotEmpty(values["Providers"]!.AsArray());

        await using var changed = new PricingApiFactory(shareDatabaseWith: first, settings: new Dictionary<string, string?>
        {
            ["Pricing:VatRates:0"] = "0.06",
            ["Pricing:VatRates:1"] = "0.09",
            ["LegalBases:Profile"] = "changchun",
        });
        var change = (await EntriesAsync(changed))[0]!;

        var names = change["after"]!["changed"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("Pricing:VatRates", names);
        Assert.Contains("LegalBases", names);
        Assert.DoesNotContain("Pricing:CostProfitCap", names);
        Assert.DoesNotContain("ServiceArea", names);
        Assert.Equal([0.06m, 0.09m], change["after"]!["values"]!["Pricing:VatRates"]!.AsArray().Select(n => n!.GetValue<decimal>()));
    }

    private static IEnumerable<string> Excluded(JsonNode values) =>
        values["ServiceArea"]!["excluded"]!.AsArray().Select(n => n!.GetValue<string>());

    private static async Task<JsonArray> EntriesAsync(PricingApiFactory app) =>
        (await (await app.CreateClient(Roles.Regulator).GetAsync(Entries)).JsonBodyAsync())["items"]!.AsArray();
}
