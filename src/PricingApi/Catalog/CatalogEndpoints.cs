using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PricingApi.ApiKeys;
using PricingApi.Audit;
using PricingApi.Data;
using PricingApi.Http;
using PricingApi.LegalBases;
using PricingApi.Pricing;
using PricingApi.Utility;
using PricingApi.Caching;
using PricingApi.Validation;

namespace PricingApi.Catalog;

/// <summary>The working catalog (草稿目录): private to pricing admins until it is published as a fee-list version.</summary>
public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalog(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/services")
            .WithTags("Pricing admin")
            .RequireKey(Policies.PricingAdmin);

        group.MapGet("/", ListAsync).WithName("ListCatalogServices")
            .WithDescription("Pricing-admin key. What the next published version would list; costs and margins are never shown on public routes.")
            .WithSummary("The working catalog, unpublished changes included, with each item's cost, margin and cap check.");
        group.MapGet("/{code}", GetAsync).WithName("GetCatalogService")
            .WithDescription("Pricing-admin key. The ETag header carries the item's revision.").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One working-catalog item; its ETag is the revision to send back in If-Match.");
        group.MapPost("/", CreateAsync).Validate<ServiceRequest>().WithName("CreateCatalogService")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Add a basic or extended service to the working catalog.")
            .WithDescription("A basic service must be free (price 0) and name who pays it. An extended service's tax-exclusive price may not exceed cost × (1 + costProfitCap); a 422 names the highest allowed price.");
        group.MapPut("/{code}", UpdateAsync).Validate<ServiceRequest>().WithName("UpdateCatalogService")
            .WithDescription("Pricing-admin key. The body is the whole item, as for POST. Changes reach the public list only when a version is published.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Replace a working-catalog item. With If-Match, a stale revision is refused with 409 instead of overwriting another admin's change.");
        group.MapDelete("/{code}", DeleteAsync).WithName("DeleteCatalogService")
            .WithDescription("Pricing-admin key. Published versions keep the item; only the working catalog loses it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Remove an item from the working catalog; the next published version no longer lists it.");
        routes.MapCatalogWorkbook();
        return group;
    }

    private static async Task<Ok<List<ServiceResponse>>> ListAsync(PricingDbContext db, CostProfitCap cap, CancellationToken ct)
    {
        var items = await db.CatalogItems.AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);
        return TypedResults.Ok(items.Select(i => i.ToResponse(cap)).ToList());
    }

    private static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> GetAsync(
        string code, PricingDbContext db, CostProfitCap cap, HttpContext http, CancellationToken ct)
    {
        var item = await db.CatalogItems.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
        if (item is null)
        {
            return UnknownCode(code);
        }

        http.Response.Headers.ETag = Revisions.ETag(item.Revision);
        return TypedResults.Ok(item.ToResponse(cap));
    }

    private static async Task<Results<Created<ServiceResponse>, ProblemHttpResult>> CreateAsync(
        ServiceRequest request, PricingDbContext db, CostProfitCap cap, LegalBasisRegister register, AuditLog audit, UtilityClock clock, HttpContext http, CancellationToken ct)
    {
        if ((CatalogRules.BrokenRule(request, cap) ?? FreePaidLine.BrokenRule(request, register, await BasicServicesAsync(db, except: null, ct))) is { } rule)
        {
            return Problems.BusinessRule(rule);
        }

        if (await db.CatalogItems.AnyAsync(i => i.Code == request.Code, ct))
        {
            return DuplicateCode(request.Code!);
        }

        var last = await db.CatalogItems.MaxAsync(i => (int?)i.SortOrder, ct);
        var item = CatalogRules.Create(request, clock.Now, CatalogRules.AfterLast(last));
        db.CatalogItems.Add(item);
        audit.Record(Actor.From(http.User), AuditActions.ServiceCreated, item.Code, item.Code, after: item.ToResponse(cap));
        if (!await db.TrySaveAsync(ct))
        {
            return DuplicateCode(request.Code!);
        }

        http.Response.Headers.ETag = Revisions.ETag(item.Revision);
        return TypedResults.Created($"/api/admin/services/{item.Code}", item.ToResponse(cap));
    }

    private static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        string code, ServiceRequest request, PricingDbContext db, CostProfitCap cap, LegalBasisRegister register, AuditLog audit, UtilityClock clock, HttpContext http, CancellationToken ct)
    {
        if (request.Code != code)
        {
            return Problems.Invalid("code", $"The body's code '{request.Code}' differs from the code in the URL '{code}'; a code cannot be renamed.");
        }

        var item = await db.CatalogItems.FirstOrDefaultAsync(i => i.Code == code, ct);
        if (item is null)
        {
            return UnknownCode(code);
        }

        if (!Revisions.Matches(http.Request.Headers.IfMatch, item.Revision))
        {
            return StaleRevision(code, item.Revision);
        }

        if (item.Kind != request.Kind)
        {
            return Problems.BusinessRule($"'{code}' is a {Describe(item.Kind)} service and cannot become a {Describe(request.Kind!.Value)} one: basic and extended services are kept apart. Delete it and create a new code instead.");
        }

        if ((CatalogRules.BrokenRule(request, cap) ?? FreePaidLine.BrokenRule(request, register, await BasicServicesAsync(db, except: code, ct))) is { } rule)
        {
            return Problems.BusinessRule(rule);
        }

        var before = item.ToResponse(cap);
        CatalogRules.Apply(request, item, clock.Now);
        audit.Record(Actor.From(http.User), AuditActions.ServiceUpdated, code, code, before, item.ToResponse(cap));
        if (!await db.TrySaveAsync(ct))
        {
            return StaleRevision(code, before.Revision);
        }

        http.Response.Headers.ETag = Revisions.ETag(item.Revision);
        return TypedResults.Ok(item.ToResponse(cap));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string code, PricingDbContext db, CostProfitCap cap, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var item = await db.CatalogItems.FirstOrDefaultAsync(i => i.Code == code, ct);
        if (item is null)
        {
            return UnknownCode(code);
        }

        if (!Revisions.Matches(http.Request.Headers.IfMatch, item.Revision))
        {
            return StaleRevision(code, item.Revision);
        }

        db.CatalogItems.Remove(item);
        audit.Record(Actor.From(http.User), AuditActions.ServiceDeleted, code, code, before: item.ToResponse(cap));
        return await db.TrySaveAsync(ct) ? TypedResults.NoContent() : StaleRevision(code, item.Revision);
    }

    /// <summary>The working catalog's basic services, whose codes and names an extended service may not take.</summary>
    internal static async Task<List<(string Code, string Name)>> BasicServicesAsync(PricingDbContext db, string? except, CancellationToken ct) =>
        (await db.CatalogItems.AsNoTracking().OfType<BasicService>().Where(b => b.Code != except).Select(b => new { b.Code, b.Name }).ToListAsync(ct))
        .Select(b => (b.Code, b.Name)).ToList();

    private static string Describe(ServiceKind kind) => kind == ServiceKind.Basic ? "basic" : "extended";

    private static ProblemHttpResult UnknownCode(string code) =>
        Problems.NotFound($"There is no service '{code}' in the working catalog.");

    private static ProblemHttpResult DuplicateCode(string code) =>
        Problems.Conflict($"A service with the code '{code}' already exists; update it with PUT /api/admin/services/{code}.");

    private static ProblemHttpResult StaleRevision(string code, int current) =>
        Problems.Conflict($"'{code}' was changed by someone else since you read it (its revision is now {current}). Read it again and reapply your change.");
}
