using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.ApiKeys;

/// <summary>
/// The role matrix of every route, read from the service's own endpoint table so a new route cannot be
/// left out: anonymous 401, a role the policy does not name 403, a role it names gets past authorization.
/// </summary>
/// <remarks>One service for the tests that only read or are refused; the one that sends every route as every role may change what it is let in to, so it starts its own.</remarks>
public class RoleMatrixTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [Policies.Staff] = [Roles.Staff, Roles.PricingAdmin],
        [Policies.PricingAdmin] = [Roles.PricingAdmin],
        [Policies.Regulator] = [Roles.Regulator, Roles.PricingAdmin],
    };

    /// <summary>Route prefixes that must never be reachable without a key, whoever adds a route under them.</summary>
    private static readonly Dictionary<string, string> ProtectedPrefixes = new()
    {
        ["/api/admin"] = Policies.PricingAdmin,
        ["/api/quotes"] = Policies.Staff,
        ["/api/regulator"] = Policies.Regulator,
    };

    [Fact]
    public async Task EveryProtectedRouteAnswers401Then403ThenLetsTheRightRolesIn()
    {
        await using var app = new PricingApiFactory();
        var clients = Roles.All.ToDictionary(r => r, r => app.CreateClient(r));
        var anonymous = app.CreateAnonymousClient();
        var routes = ProtectedRoutes(app).ToList();
        Assert.NotEmpty(routes);

        foreach (var (method, url, policy) in routes)
        {
            var what = $"{method} {url} ({policy})";
            Assert.Equal((what, HttpStatusCode.Unauthorized), (what, (await Send(anonymous, method, url)).StatusCode));
            foreach (var role in Roles.All)
            {
                var status = (await Send(clients[role], method, url)).StatusCode;
                if (Allowed[policy].Contains(role))
                {
                    Assert.True(status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{what} refused {role}: {status}");
                }
                else
                {
                    Assert.Equal((what, role, HttpStatusCode.Forbidden), (what, role, status));
                }
            }
        }
    }

    [Fact]
    public async Task NoRouteUnderAProtectedPrefixIsAnonymous()
    {
        var app = shared.App;
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            foreach (var (prefix, policy) in ProtectedPrefixes.Where(p => pattern.StartsWith(p.Key, StringComparison.Ordinal)))
            {
                var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy);
                Assert.True(policies.Contains(policy) && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null,
                    $"{pattern} is under {prefix} but does not require the {policy} policy.");
            }
        }
    }

    [Fact]
    public async Task AnUnknownOrMalformedKeyIs401WithAProblemBody()
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();

        foreach (var key in new[] { "nonsense", "pk.0000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/services");
            request.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, key);
            var problem = await (await client.SendAsync(request)).ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Contains("X-Api-Key", problem["detail"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task TheWrongRoleGetsA403ThatNamesItsRole()
    {
        var app = shared.App;
        var problem = await (await app.CreateClient(Roles.Regulator).GetAsync("/api/admin/services")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("'regulator'", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task PublicRoutesNeedNoKey()
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();
        foreach (var url in new[] { "/api/fee-list", "/api/fee-list/versions", "/api/fee-list/versions/1", "/api/fee-list/versions/1/changes", "/openapi/v1.json" })
        {
            Assert.Equal((url, HttpStatusCode.OK), (url, (await client.GetAsync(url)).StatusCode));
        }
    }

    private static IEnumerable<(string Method, string Url, string Policy)> ProtectedRoutes(PricingApiFactory app)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];
            if (policy is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                continue;
            }

            var url = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            url = Regex.Replace(url, @"\{[^}:]+:(int|long)\}", "1");
            url = Regex.Replace(url, @"\{[^}]+\}", "UNKNOWN-1");
            foreach (var method in methods)
            {
                yield return (method, url, policy);
            }
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }
}
