using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeeList;

/// <remarks>The tests only read the document and the Swagger UI: one service for the class.</remarks>
public class OpenApiDocumentTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Fact]
    public async Task TheDocumentDescribesEveryRouteItsKeyAndItsErrors()
    {
        var app = shared.App;
        var document = await (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).JsonBodyAsync();
        var paths = document["paths"]!.AsObject();

        foreach (var path in new[] { "/api/fee-list", "/api/fee-list/versions", "/api/fee-list/versions/{version}", "/api/fee-list/versions/{version}/changes", "/api/admin/services", "/api/admin/services/{code}", "/api/admin/fee-list/versions" })
        {
            Assert.True(paths.ContainsKey(path), $"{path} is missing from the OpenAPI document");
        }

        Assert.NotNull(document["components"]!["securitySchemes"]!["ApiKey"]);
        var create = paths["/api/admin/services"]!["post"]!;
        Assert.NotNull(create["security"]);
        foreach (var status in new[] { "201", "400", "401", "403", "409", "422" })
        {
            Assert.True(create["responses"]!.AsObject().ContainsKey(status), $"POST /api/admin/services does not declare {status}");
        }

        Assert.Null(paths["/api/fee-list"]!["get"]!["security"]);
        var categories = document["components"]!["schemas"]!["ServiceCategory"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        Assert.Equal(["maintenance", "cleaning", "water-testing"], categories);
    }

    [Fact]
    public async Task RequestSchemasSayWhatTheValidatorsEnforce()
    {
        var app = shared.App;
        var document = await (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).JsonBodyAsync();
        var schemas = document["components"]!["schemas"]!;

        var service = schemas["ServiceRequest"]!;
        Assert.Equal(["code", "kind", "name", "nameEn", "description", "legalBasis"], service["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(40, service["properties"]!["code"]!["maxLength"]!.GetValue<int>());
        Assert.Equal("^[A-Z0-9]+(-[A-Z0-9]+)*$", service["properties"]!["code"]!["pattern"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/ServiceKind", service["properties"]!["kind"]!["$ref"]!.GetValue<string>()); // required: no null alternative
        Assert.Equal(100000000m, schemas["CostBasisRequest"]!["properties"]!["labour"]!["maximum"]!.GetValue<decimal>());
        var line = schemas["QuoteLineRequest"]!["properties"]!;
        Assert.Equal(0m, line["quantity"]!["exclusiveMinimum"]!.GetValue<decimal>());
        Assert.Equal(10000m, line["quantity"]!["maximum"]!.GetValue<decimal>());
        Assert.Equal("null", line["unitPrice"]!["type"]!.GetValue<string>()); // never accepted
        Assert.Contains(40, schemas["AssessmentRequest"]!["properties"]!["meterDiameterMm"]!["enum"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Equal("string", schemas["PublishRequest"]!["properties"]!["effectiveFrom"]!["type"]!.GetValue<string>());

        var status = document["paths"]!["/api/quotes"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "status")!;
        Assert.Equal(["issued", "accepted", "completed", "cancelled", "expired"], status["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/api/quotes/{number}", "get", "404")]
    [InlineData("/api/quotes/{number}/cancel", "post", "404")]
    [InlineData("/api/quotes/{number}/cancel", "post", "409")]
    [InlineData("/api/regulator/compliance", "get", "400")] // ?version=abc
    [InlineData("/api/quotes/{number}/acceptance", "post", "409")]
    [InlineData("/api/quotes/{number}/completion", "post", "409")]
    [InlineData("/api/quotes/{number}/completion", "post", "422")]
    [InlineData("/api/quotes/{number}/receipt", "get", "409")]
    [InlineData("/api/regulator/charges", "get", "400")] // ?from=yesterday
    [InlineData("/api/admin/services", "post", "413")]
    [InlineData("/api/admin/services/import", "post", "413")] // a body declared by the endpoint itself, after the generic pass
    [InlineData("/api/admin/services/{code}", "put", "415")]
    [InlineData("/api/connections/assessments", "post", "415")]
    [InlineData("/api/quotes", "post", "429")] // the failed-key throttle, on every route that checks a key
    [InlineData("/api/regulator/audit", "get", "429")]
    public async Task TheDocumentDeclaresEveryStatusTheRouteCanAnswer(string path, string method, string status)
    {
        var app = shared.App;
        var document = await (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).JsonBodyAsync();

        var responses = document["paths"]![path]![method]!["responses"]!.AsObject();
        Assert.True(responses.ContainsKey(status), $"{method.ToUpperInvariant()} {path} does not declare {status}: {string.Join(", ", responses.Select(r => r.Key))}");
        Assert.NotNull(responses[status]!["content"]!["application/problem+json"]);
    }

    [Fact]
    public async Task PublicRoutesDeclareNoThrottleAndNoBodyStatuses()
    {
        var app = shared.App;
        var document = await (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).JsonBodyAsync();

        var responses = document["paths"]!["/api/fee-list"]!["get"]!["responses"]!.AsObject();
        Assert.DoesNotContain(responses, r => r.Key is "413" or "415" or "429");
    }

    [Fact]
    public async Task TheWorkbookImportDeclaresNo415ForItReadsWhateverBodyItIsSent()
    {
        await using var app = new PricingApiFactory();
        var document = await (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).JsonBodyAsync();

        var responses = document["paths"]!["/api/admin/services/import"]!["post"]!["responses"]!.AsObject();
        Assert.DoesNotContain(responses, r => r.Key == "415");
    }

    [Fact]
    public async Task SwaggerUiIsServed()
    {
        var app = shared.App;
        var response = await app.CreateAnonymousClient().GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
