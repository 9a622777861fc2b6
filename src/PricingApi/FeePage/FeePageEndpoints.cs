using Microsoft.AspNetCore.Http.HttpResults;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Caching;
using PricingApi.Security;

namespace PricingApi.FeePage;

/// <summary>The fee list as a page for residents and businesses: server-rendered HTML, anonymous, cacheable, printable.</summary>
public static class FeePageEndpoints
{
    public static RouteGroupBuilder MapFeePage(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/fees").WithTags("Public fee list").AllowAnonymous().RequireCors(PublicCors.Policy)
            .WithContentSecurityPolicy(FeePageStyles.BasePolicy);

        group.MapGet("/", CurrentAsync).WithName("GetFeePage")
            .WithSummary("The fee list in effect as a page for people: Chinese first with English beside, printable on A4.")
            .WithDescription("Basic services shown as free with who pays; extended services by category with unit, price with and without VAT, what is included and the legal basis; announced future versions with their changes. Strong ETag; If-None-Match answers 304.")
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{version:int}", VersionAsync).WithName("GetFeePageVersion")
            .WithDescription("Public HTML, Chinese first with English beside. A named version never changes; strong ETag, If-None-Match answers 304.")
            .WithSummary("One published version as a page, with what it changed and links to the previous and next version.")
            .Produces<string>(StatusCodes.Status200OK, "text/html").Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<CachedContent, ProblemHttpResult>> CurrentAsync(FeePages pages, HttpContext http, CancellationToken ct) =>
        await pages.GetAsync(null, ct) is { } page ? Secured(page, http) : Problems.NotFound("No fee list is in effect yet.");

    private static async Task<Results<CachedContent, ProblemHttpResult>> VersionAsync(int version, FeePages pages, HttpContext http, CancellationToken ct) =>
        await pages.GetAsync(version, ct) is { } page ? Secured(page, http) : Problems.NotFound($"No fee-list version {version} has been published.");

    /// <summary>Each version's page allows its own print footer's style too, so its policy goes with the response.</summary>
    private static CachedContent Secured((CachedContent Page, string ContentSecurityPolicy) page, HttpContext http)
    {
        SecurityHeaders.UsePolicy(http, page.ContentSecurityPolicy);
        return page.Page;
    }
}
