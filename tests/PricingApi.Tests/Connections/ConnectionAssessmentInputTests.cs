using PricingApi.Tests.Infrastructure;
using static PricingApi.Tests.Connections.ConnectionAssessmentTests;

namespace PricingApi.Tests.Connections;

/// <summary>Bad input is a 400 problem naming the field, never a 500 and never a silently defaulted answer.</summary>
/// <remarks>One service for the class: an assessment saves nothing, so no test sees another's.</remarks>
public class ConnectionAssessmentInputTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    private async Task<string[]> ErrorsAsync(object body, string field)
    {
        return await (await shared.App.CreateAnonymousClient().PostJsonAsync(Url, body)).ValidationErrorsAsync(field);
    }

    private async Task<string[]> RawErrorsAsync(string json, string field)
    {
        return await (await shared.App.CreateAnonymousClient().SendRawAsync(HttpMethod.Post, Url, json)).ValidationErrorsAsync(field);
    }

    [Theory]
    [InlineData(45)]
    [InlineData(0)]
    [InlineData(-40)]
    [InlineData(41)]
    public async Task DiameterThatIsNotAStandardDnSizeIs400(int dn)
    {
        var errors = await ErrorsAsync(Body(dn: dn), "meterDiameterMm");
        Assert.Equal("'meterDiameterMm' must be a standard nominal diameter (DN) in mm: 15, 20, 25, 32, 40, 50, 65, 80, 100, 125, 150, 200, 250, 300, 350, 400, 450, 500, 600, 700, 800, 900, 1000.", Assert.Single(errors));
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("-200")]
    [InlineData("100000.01")] // longer than 100 km: a typing error
    public async Task NegativeOrAbsurdLengthIs400(string length)
    {
        var errors = await ErrorsAsync(Body(length: decimal.Parse(length)), "externalPipeLengthM");
        Assert.Equal("'externalPipeLengthM' is the pipe length in metres, from 0 to 100000.", Assert.Single(errors));
    }

    [Theory]
    [InlineData("customerType", "business")]
    [InlineData("development", "villa")]
    public async Task UnknownEnumValueIs400NamingTheField(string field, string value)
    {
        var errors = await ErrorsAsync(Body().With(field, value), field);
        Assert.Contains("outside its allowed values", Assert.Single(errors));
    }

    [Theory]
    [InlineData("meterDiameterMm")]
    [InlineData("externalPipeLengthM")]
    [InlineData("customerType")]
    public async Task MissingFieldIs400NamingIt(string field)
    {
        var errors = await ErrorsAsync(Body().Without(field), field);
        Assert.Equal($"'{field}' must not be empty.", Assert.Single(errors));
    }

    [Fact]
    public async Task DevelopmentMayBeLeftOutForNone()
    {
        var app = shared.App;
        var body = await (await app.CreateAnonymousClient().PostJsonAsync(Url, Body().Without("development"))).JsonBodyAsync();
        Assert.Equal("utility", body["meterPaidBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task MalformedJsonIs400() =>
        Assert.Equal("The body is not valid JSON.", Assert.Single(await RawErrorsAsync("{\"meterDiameterMm\": 40,", "body")));

    [Fact]
    public async Task EmptyBodyIs400() =>
        Assert.Equal("A JSON request body is required.", Assert.Single(await RawErrorsAsync("", "body")));

    [Fact]
    public async Task NullBodyIs400() =>
        Assert.Equal("A JSON request body is required.", Assert.Single(await RawErrorsAsync("null", "body")));

    [Theory]
    [InlineData("{\"meterDiameterMm\":\"40\",\"externalPipeLengthM\":200,\"customerType\":\"residential\"}", "meterDiameterMm")]
    [InlineData("{\"meterDiameterMm\":40.5,\"externalPipeLengthM\":200,\"customerType\":\"residential\"}", "meterDiameterMm")]
    [InlineData("{\"meterDiameterMm\":40,\"externalPipeLengthM\":\"200\",\"customerType\":\"residential\"}", "externalPipeLengthM")]
    [InlineData("{\"meterDiameterMm\":40,\"externalPipeLengthM\":1e40,\"customerType\":\"residential\"}", "externalPipeLengthM")]
    [InlineData("{\"meterDiameterMm\":40,\"externalPipeLengthM\":200,\"customerType\":1}", "customerType")]
    public async Task WrongTypeIs400NamingTheField(string json, string field) =>
        Assert.Single(await RawErrorsAsync(json, field));

    [Theory]
    [InlineData("connectionKind")]
    [InlineData("hasExternalPipeWorks")]
    [InlineData("projectDataOnGovernmentPlatform")]
    [InlineData("buildingType")]
    [InlineData("totalFloorAreaM2")]
    [InlineData("buildingHeightM")]
    [InlineData("involvesHazardousGoods")]
    public async Task NonResidentialProjectMissingAFieldIs400NamingIt(string field) =>
        Assert.Single(await ErrorsAsync(Body().With("project", Factory().Without(field)), $"project.{field}"));

    [Fact]
    public async Task ResidentialProjectMustSayWhetherItIsInsideTheSupplyArea()
    {
        var project = new Dictionary<string, object?> { ["connectionKind"] = "new", ["hasExternalPipeWorks"] = false, ["projectDataOnGovernmentPlatform"] = false };
        var errors = await ErrorsAsync(Body(dn: 20, customerType: "residential").With("project", project), "project.insideSupplyArea");
        Assert.Equal("'insideSupplyArea' is required for a residential project: it decides whether it is a sporadic one.", Assert.Single(errors));
    }

    [Theory]
    [InlineData("totalFloorAreaM2", "0")]
    [InlineData("totalFloorAreaM2", "10000000.1")]
    [InlineData("buildingHeightM", "-3")]
    [InlineData("buildingHeightM", "1000.5")]
    public async Task ImpossibleProjectFiguresAre400(string field, string value) =>
        Assert.Single(await ErrorsAsync(Body().With("project", Factory().With(field, decimal.Parse(value))), $"project.{field}"));

    [Theory]
    [InlineData("connectionKind", "relocation")]
    [InlineData("buildingType", "skyscraper")]
    public async Task UnknownProjectEnumValueIs400NamingTheField(string field, string value) =>
        Assert.Single(await ErrorsAsync(Body().With("project", Factory().With(field, value)), $"project.{field}"));

    [Fact]
    public async Task EveryMissingFieldIsNamedAtOnce()
    {
        var app = shared.App;
        var problem = await (await app.CreateAnonymousClient().SendRawAsync(HttpMethod.Post, Url, "{\"project\":{}}")).ProblemAsync(System.Net.HttpStatusCode.BadRequest);

        Assert.Equal(["customerType", "externalPipeLengthM", "meterDiameterMm", "project.connectionKind", "project.hasExternalPipeWorks", "project.projectDataOnGovernmentPlatform"],
            problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }
}
