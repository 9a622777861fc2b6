using Microsoft.Extensions.Options;
using PricingApi.Tests.Infrastructure;
using static PricingApi.Tests.Connections.ConnectionAssessmentTests;

namespace PricingApi.Tests.Connections;

/// <summary>Another city sets its own policy in the "Connections" section; an inconsistent one stops the service at start.</summary>
public class ConnectionPolicyConfigurationTests
{
    [Fact]
    public async Task ConfiguredLimitsReplaceTheKunmingOnes()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?>
        {
            ["Connections:FreeConnection:MaxMeterDiameterMm"] = "50",
            ["Connections:FreeConnection:MaxExternalPipeLengthM"] = "300",
        });
        var client = app.CreateAnonymousClient();

        var dn50 = await (await client.PostJsonAsync(Url, Body(dn: 50, length: 300m))).JsonBodyAsync();
        Assert.True(dn50["connectionFree"]!.GetValue<bool>());

        var dn65 = await (await client.PostJsonAsync(Url, Body(dn: 65, length: 300m))).JsonBodyAsync();
        Assert.Equal(50m, Assert.Single(dn65["exceeded"]!.AsArray())!["limit"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task AConfiguredDnSeriesReplacesTheDefaultOne()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?>
        {
            ["Connections:StandardDiametersMm:0"] = "15", ["Connections:StandardDiametersMm:1"] = "20", ["Connections:StandardDiametersMm:2"] = "40",
            ["Connections:StandardDiametersMm:3"] = "200",
        });
        var client = app.CreateAnonymousClient();

        var errors = await (await client.PostJsonAsync(Url, Body(dn: 25))).ValidationErrorsAsync("meterDiameterMm");
        Assert.EndsWith("15, 20, 40, 200.", Assert.Single(errors));
        Assert.True((await (await client.PostJsonAsync(Url, Body(dn: 40))).JsonBodyAsync())["connectionFree"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AConfiguredTableCellReplacesTheKunmingOne()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?>
        {
            ["Connections:TimeLimits:AfterPlatformData:LowRisk:WithExternalPipe:ConnectionDays"] = "3",
        });

        var body = await (await app.CreateAnonymousClient().PostJsonAsync(Url, Body(dn: 25, length: 50m).With("project", Factory(pipeWorks: true))))
            .JsonBodyAsync();

        Assert.Equal("low-risk", body["category"]!.GetValue<string>());
        Assert.Equal(3, body["workingDays"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnInconsistentPolicyStopsTheServiceAtStart()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?>
        {
            ["Connections:FreeConnection:MaxMeterDiameterMm"] = "45",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => app.CreateAnonymousClient());
        Assert.Contains("Connections:FreeConnection:MaxMeterDiameterMm is 45", failure.Message);
    }
}
