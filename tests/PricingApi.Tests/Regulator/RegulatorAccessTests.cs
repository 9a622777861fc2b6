using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Regulator;

/// <remarks>One service for the class: the tests read, or are refused and check that nothing changed.</remarks>
public class RegulatorAccessTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    /// <summary>Every regulator route, as a request that succeeds for an allowed key on the seeded database.</summary>
    public static readonly TheoryData<string> Routes = new()
    {
        "/api/regulator/fee-list",
        "/api/regulator/fee-list/versions",
        "/api/regulator/fee-list/versions/1",
        "/api/regulator/fee-list/versions/1.csv",
        "/api/regulator/fee-list/versions/1.xlsx",
        "/api/regulator/fee-list/verification",
        "/api/regulator/compliance",
        "/api/regulator/audit",
        "/api/regulator/charges",
        "/api/regulator/charges.csv",
        "/api/regulator/charges.xlsx",
        "/api/regulator/charges/compliance",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnonymousIs401StaffIs403RegulatorAndPricingAdminAre200(string route)
    {
        var app = shared.App;

        var anonymous = await (await app.CreateAnonymousClient().GetAsync(route)).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("X-Api-Key", anonymous["detail"]!.GetValue<string>());
        var staff = await (await app.CreateClient(Roles.Staff).GetAsync(route)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("'staff'", staff["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(Roles.Regulator).GetAsync(route)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(Roles.PricingAdmin).GetAsync(route)).StatusCode);
    }

    [Fact]
    public async Task EveryRegulatorRouteIsInTheRoleMatrixAndAnswersGetOnly()
    {
        var app = shared.App;
        app.CreateAnonymousClient(); // builds the host

        var regulatorEndpoints = RouteEndpoints(app).Where(e => e.RoutePattern.RawText!.StartsWith("/api/regulator", StringComparison.Ordinal)).ToList();

        Assert.Equal(Routes.Count, regulatorEndpoints.Count);
        Assert.All(regulatorEndpoints, e => Assert.Equal(["GET"], e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods));
    }

    [Fact]
    public async Task NoRouteThatWritesLetsARegulatorKeyIn()
    {
        var app = shared.App;
        app.CreateAnonymousClient();
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();

        var writes = RouteEndpoints(app)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE") == true)
            .ToList();
        Assert.NotEmpty(writes);
        foreach (var endpoint in writes.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var policyNames = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.NotEmpty(policyNames);
            foreach (var name in policyNames)
            {
                var policy = await policies.GetPolicyAsync(name!);
                var allowed = policy!.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles);
                Assert.DoesNotContain(Roles.Regulator, allowed);
            }
        }
    }

    [Fact]
    public async Task ARegulatorKeyCannotChangeTheCatalogOrPublish()
    {
        var app = shared.App;
        var regulator = app.CreateClient(Roles.Regulator);

        await (await regulator.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-REG-1"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await regulator.PutJsonAsync("/api/admin/services/EXT-TANK-CLEAN-20", Requests.Extended("EXT-TANK-CLEAN-20"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await regulator.DeleteAsync("/api/admin/services/EXT-TANK-CLEAN-20")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await regulator.PostJsonAsync("/api/admin/fee-list/versions", new { })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await regulator.DeleteAsync("/api/regulator/audit")).ProblemAsync(HttpStatusCode.MethodNotAllowed);

        var versions = await (await regulator.GetAsync("/api/regulator/fee-list/versions")).JsonBodyAsync();
        Assert.Single(versions.AsArray());
        var audit = await (await regulator.GetAsync("/api/regulator/audit?action=service-deleted")).JsonBodyAsync();
        Assert.Equal(0, audit["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheRegulatorRoutesAndTheirKey()
    {
        var app = shared.App;

        var document = await (await app.CreateAnonymousClient().GetAsync("/openapi/v1.json")).JsonBodyAsync();

        var paths = document["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/api/regulator/fee-list/versions/{version}.csv"));
        var audit = paths["/api/regulator/audit"]!["get"]!;
        Assert.Equal(["page", "pageSize", "from", "to", "serviceCode", "action"],
            audit["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.NotNull(audit["security"]);
        var versions = paths["/api/fee-list/versions"]!["get"]!["parameters"]!.AsArray();
        Assert.Equal(["publishedAfter", "sinceVersion"], versions.Select(p => p!["name"]!.GetValue<string>()));
    }

    private static IEnumerable<RouteEndpoint> RouteEndpoints(PricingApiFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
}
