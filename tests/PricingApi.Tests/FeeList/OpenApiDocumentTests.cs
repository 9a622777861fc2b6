using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.FeeList;

public class OpenApiDocumentTests
{
    [Fact]
    public async Task TheDocumentDescribesEveryRouteItsKeyAndItsErrors()
    {
        await using var app = new PricingApiFactory();
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
    public async Task SwaggerUiIsServed()
    {
        await using var app = new PricingApiFactory();
        var response = await app.CreateAnonymousClient().GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
