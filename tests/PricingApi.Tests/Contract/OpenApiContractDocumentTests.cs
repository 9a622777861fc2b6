using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PricingApi.Tests.Infrastructure;
using PricingApi.Utility;

namespace PricingApi.Tests.Contract;

/// <summary>
/// The points of the document a validating client depends on, without the tools (the fast suite): ContractTests
/// proves them with Prism and Spectral.
/// </summary>
/// <remarks>The tests only read the document: one service serves it to all of them, but the one with its own settings.</remarks>
public class OpenApiContractDocumentTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    private async Task<JsonNode> DocumentAsync() =>
        await (await shared.App.CreateAnonymousClient().GetAsync("/openapi/v1.json")).JsonBodyAsync();

    private static async Task<JsonNode> DocumentAsync(IDictionary<string, string?> settings)
    {
        await using var app = new PricingApiFactory(settings: settings);
        return await (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).JsonBodyAsync();
    }

    [Fact]
    public async Task ANullableEnumAllowsNullOnceAndEveryEnumHasAType()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();

        foreach (var (name, schema) in schemas.Where(s => s.Value!["enum"] is not null))
        {
            Assert.True(schema!["type"] is not null, $"{name} has no type");
            Assert.DoesNotContain(schema["enum"]!.AsArray(), v => v is null);
        }

        var development = schemas["AssessmentRequest"]!["properties"]!["development"]!["oneOf"]!.AsArray();
        Assert.Single(development, s => s!["type"]?.GetValue<string>() == "null");
        Assert.Equal("#/components/schemas/HousingDevelopment", development.Single(s => s!["$ref"] is not null)!["$ref"]!.GetValue<string>());
        Assert.Equal("string", schemas["HousingDevelopment"]!["type"]!.GetValue<string>());
        Assert.Equal("string", schemas["BuildingType"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task DownloadsAreBinaryAndTimesWithoutAnOffsetAreAccepted()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!;

        foreach (var (path, type) in new[]
                 {
                     ("/api/fee-list.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                     ("/api/regulator/charges.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                     ("/api/admin/services.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                 })
        {
            var schema = paths[path]!["get"]!["responses"]!["200"]!["content"]![type]!["schema"]!;
            Assert.Equal("string", schema["type"]!.GetValue<string>());
            Assert.Equal("binary", schema["format"]!.GetValue<string>());
        }

        var at = paths["/api/fee-list"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "at")!;
        Assert.Null(at["schema"]!["format"]);
        var pattern = new Regex(at["schema"]!["pattern"]!.GetValue<string>());
        Assert.Matches(pattern, "2030-01-01T00:00:00");
        Assert.Matches(pattern, "2030-01-01T00:00:00+08:00");
        Assert.DoesNotMatch(pattern, "yesterday");
        Assert.Equal(UtilityTime.Pattern, pattern.ToString());
        var effectiveFrom = document["components"]!["schemas"]!["PublishRequest"]!["properties"]!["effectiveFrom"]!;
        Assert.Equal(UtilityTime.Pattern, effectiveFrom["pattern"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValuesAlwaysWrittenAreRequiredAndHeadersAreDeclared()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!;
        string[] Required(string schema) => schemas[schema]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray();

        Assert.Contains("price", Required("ExtendedServiceEntry"));
        Assert.Contains("version", Required("FeeListDocument"));
        Assert.Contains("total", Required("QuoteResponse"));
        Assert.DoesNotContain("category", Required("AssessmentResponse")); // only with a project

        var paths = document["paths"]!;
        var list = paths["/api/fee-list"]!["get"]!["responses"]!["200"]!["headers"]!;
        Assert.True(list["ETag"]!["required"]!.GetValue<bool>());
        Assert.NotNull(list["Cache-Control"]);
        Assert.NotNull(list["X-Request-Id"]);
        var created = paths["/api/quotes"]!["post"]!["responses"]!;
        Assert.True(created["201"]!["headers"]!["Location"]!["required"]!.GetValue<bool>());
        Assert.NotNull(created["201"]!["headers"]!["Idempotent-Replayed"]);
        Assert.NotNull(created["429"]!["headers"]!["Retry-After"]);
        Assert.NotNull(paths["/readyz"]!["get"]!["responses"]!["503"]);
        Assert.NotNull(paths["/healthz"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]);
    }

    [Fact]
    public async Task EveryRequestBodyHasAnExample()
    {
        var document = await DocumentAsync();

        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (operation!["requestBody"]?["content"]?["application/json"] is { } json)
                {
                    Assert.True(json["example"] is JsonObject, $"{method.ToUpperInvariant()} {path} has no example body");
                }

                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    if (parameter!["in"]!.GetValue<string>() == "path")
                    {
                        Assert.True(parameter["example"] is not null, $"{method.ToUpperInvariant()} {path}: {{{parameter["name"]}}} has no example");
                    }
                }
            }
        }

        var assessment = document["paths"]!["/api/connections/assessments"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!;
        Assert.True(assessment.AsObject().ContainsKey("development"));
        Assert.Null(assessment["development"]);
        var answer = document["paths"]!["/api/connections/assessments"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["example"]!;
        Assert.True(answer["connectionFree"]!.GetValue<bool>()); // DN25 and 35.5 m: within Kunming's free bounds
        Assert.Equal(0m, answer["applicationFee"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task TheAssessmentDescriptionNamesTheConfiguredBounds()
    {
        var document = await DocumentAsync(new Dictionary<string, string?>
        {
            ["Connections:FreeConnection:MaxMeterDiameterMm"] = "50",
            ["Connections:FreeConnection:MaxExternalPipeLengthM"] = "300",
        });

        var description = document["paths"]!["/api/connections/assessments"]!["post"]!["description"]!.GetValue<string>();
        Assert.Contains("DN50 or smaller", description);
        Assert.Contains("300 m or shorter", description);
        Assert.DoesNotContain("DN40", description);
    }
}
