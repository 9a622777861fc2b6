using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.EntityFrameworkCore;
using PricingApi.ApiKeys;
using PricingApi.Audit;
using PricingApi.Data;
using PricingApi.Http;
using PricingApi.LegalBases;
using PricingApi.OpenApi;
using PricingApi.Pricing;
using PricingApi.Utility;

namespace PricingApi.Catalog;

/// <summary>
/// The working catalog as a spreadsheet: exported for a pricing clerk to edit in Excel, and taken back whole.
/// An import applies every row or none; a row that is the same as the stored item is left untouched (no new
/// revision, no audit entry), so a round trip without edits changes nothing. Items missing from the workbook are
/// kept: deleting stays a deliberate DELETE. Each row carries the revision its item was exported at, the workbook's
/// If-Match: a row that would change an item someone changed after the export is refused (409), so an old workbook
/// cannot silently undo another admin's price.
/// </summary>
public static class CatalogWorkbookEndpoints
{
    public static void MapCatalogWorkbook(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin").WithTags("Pricing admin")
            .RequireKey(Policies.PricingAdmin);

        group.MapGet("/services.xlsx", ExportAsync).WithName("ExportCatalogWorkbook")
            .WithDescription("Pricing-admin key. Import the edited workbook with POST /api/admin/services/import; headers are Chinese and English.")
            .Produces<byte[]>(StatusCodes.Status200OK, CatalogWorkbook.ContentType)
            .WithSummary("The working catalog as an Excel workbook, one row per service, to edit and import again.");
        group.MapPost("/services/import", ImportAsync).WithName("ImportCatalogWorkbook")
            // Declared by hand: Accepts<> metadata would make routing answer 415 before the key is checked.
            .AddOpenApiOperationTransformer((operation, context, ct) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The workbook exported by GET /api/admin/services.xlsx, edited.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [CatalogWorkbook.ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                    },
                };
                // The generic pass ran before this body existed: now the body's own 413.
                return PipelineResponses.DeclareAsync(operation, context, ct);
            })
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Takes back an edited catalog workbook: all rows or none.")
            .WithDescription("Send the .xlsx file as the body. Each row is checked with the same rules as POST/PUT /api/admin/services; "
                + "if any row is refused, nothing is imported and the 400 lists each refused row (errors keyed rows[n].field, n the spreadsheet row) and why. "
                + "A new code is created, a changed row updates its item, an unchanged row is left alone; items missing from the workbook are kept. "
                + "A row that would change an item changed by someone else since the export (its revision column differs from the stored revision) is refused with 409; "
                + "a row with a blank revision may create a service but not change one (400). Without a provider column, each item keeps its provider.");
    }

    private static async Task<FileContentHttpResult> ExportAsync(PricingDbContext db, CancellationToken ct)
    {
        var items = await db.CatalogItems.AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);
        return TypedResults.File(CatalogWorkbook.Write(items.Select(i => new CatalogWorkbook.Exported(ToRequest(i), i.Revision))),
            CatalogWorkbook.ContentType, "catalog.xlsx");
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request, PricingDbContext db, IValidator<ServiceRequest> validator, CostProfitCap cap, LegalBasisRegister register,
        AuditLog audit, UtilityClock clock, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        List<CatalogWorkbook.Row> rows;
        try
        {
            rows = CatalogWorkbook.Read(body);
        }
        catch (InvalidDataException e)
        {
            return Problems.Invalid("body", e.Message);
        }

        var stored = await db.CatalogItems.ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        KeepProvidersOfAnOlderWorkbook(rows, stored);
        if (ChangedSinceExport(rows, stored) is { Count: > 0 } stale)
        {
            return Problems.Conflict(string.Join(" ", stale.Append(CatalogMessages.NothingImportedExportAgain)));
        }

        var errors = new Dictionary<string, string[]>();
        var basics = rows.Where(r => r.Request.Kind == ServiceKind.Basic && r.Request.Code is not null && r.Request.Name is not null)
            .Select(r => (Code: r.Request.Code!, Name: r.Request.Name!))
            .Concat(stored.Values.OfType<BasicService>().Where(b => rows.All(r => r.Request.Code != b.Code)).Select(b => (b.Code, b.Name)))
            .ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var key = $"rows[{row.Number}]";
            var problems = row.Unreadable.Select(u => ($"{key}.{u.Key}", u.Value)).ToList();
            if (problems.Count == 0)
            {
                var validation = await validator.ValidateAsync(row.Request, ct);
                problems.AddRange(validation.Errors.Select(e => ($"{key}.{e.PropertyName}", e.ErrorMessage)));
            }

            if (problems.Count == 0)
            {
                var code = row.Request.Code!;
                var existing = stored.GetValueOrDefault(code);
                if (!seen.Add(code))
                {
                    problems.Add((key, $"The code {code} is on more than one row; each service has one row."));
                }
                else if (existing is not null && existing.Kind != row.Request.Kind)
                {
                    problems.Add((key, $"'{code}' is a {existing.Kind.ToString().ToLowerInvariant()} service and cannot change kind: basic and extended services are kept apart."));
                }
                else if ((CatalogRules.BrokenRule(row.Request, cap) ?? FreePaidLine.BrokenRule(row.Request, register, basics.Where(b => b.Code != code))) is { } rule)
                {
                    problems.Add((key, rule));
                }
                else if (row.Revision is null && existing is not null && Changes(row, existing))
                {
                    // A blank revision (a hand-made sheet, or one whose cell was cleared) cannot show that the row was
                    // made from the item as it is now, so applying it could undo a change its author never saw: the
                    // lost update the revision exists to stop. Refusing costs one new export; taking it could silently
                    // undo a price. A new code, or a row that leaves its item as it is, needs no revision.
                    problems.Add(($"{key}.{CatalogWorkbook.RevisionField}", CatalogMessages.BlankRevision));
                }
            }

            foreach (var group in problems.GroupBy(p => p.Item1))
            {
                errors[group.Key] = group.Select(p => $"{row.Request.Code ?? "?"}: {p.Item2}").ToArray();
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors,
                detail: $"{errors.Keys.Select(k => k.Split(']')[0]).Distinct().Count()} of {rows.Count} rows were refused; nothing was imported.");
        }

        var result = new ImportResult();
        var actor = Actor.From(request.HttpContext.User);
        foreach (var row in rows)
        {
            var code = row.Request.Code!;
            if (!stored.TryGetValue(code, out var item))
            {
                item = CatalogRules.Create(row.Request, clock.Now);
                db.CatalogItems.Add(item);
                audit.Record(actor, AuditActions.ServiceCreated, code, code, after: item.ToResponse(cap));
                result.Created.Add(code);
            }
            else if (!Changes(row, item))
            {
                result.Unchanged.Add(code);
            }
            else
            {
                var before = item.ToResponse(cap);
                CatalogRules.Apply(row.Request, item, clock.Now);
                audit.Record(actor, AuditActions.ServiceUpdated, code, code, before, item.ToResponse(cap));
                result.Updated.Add(code);
            }
        }

        return await db.TrySaveAsync(ct)
            ? TypedResults.Ok(result)
            : Problems.Conflict("The working catalog was changed by someone else during the import; nothing was imported. Export it again and reapply your edits.");
    }

    /// <summary>
    /// A workbook exported before it had a provider column says nothing about providers: each of its extended rows
    /// keeps its item's stored provider, where reading the missing cell as "the default" would move every edited
    /// service to the default provider.
    /// </summary>
    private static void KeepProvidersOfAnOlderWorkbook(List<CatalogWorkbook.Row> rows, Dictionary<string, CatalogItem> stored)
    {
        foreach (var row in rows.Where(r => !r.ProviderGiven && r.Request.Kind == ServiceKind.Extended))
        {
            if (row.Request.Code is { } code && stored.GetValueOrDefault(code) is ExtendedService item)
            {
                row.Request.Provider = item.ProviderId;
            }
        }
    }

    /// <summary>
    /// The rows that would undo what someone did after the workbook was exported: a row whose revision is not its
    /// item's stored one (changed since), or a row with a revision whose item no longer exists (deleted since: creating
    /// it again would bring back a service another admin removed). A stale row that leaves its item as it is writes
    /// nothing, so it undoes nothing and passes (an item changed and changed back does not stop an import). A new
    /// service's row has no revision: one copied with its revision is refused with the others, saying to clear it.
    /// </summary>
    private static List<string> ChangedSinceExport(List<CatalogWorkbook.Row> rows, Dictionary<string, CatalogItem> stored) =>
        rows.Where(r => r.Revision is not null && r.Request.Code is not null)
            .Select(r => (Row: r, Item: stored.GetValueOrDefault(r.Request.Code!)))
            .Select(p => p.Item is null
                ? CatalogMessages.Format(CatalogMessages.DeletedSinceExport, p.Row.Number, p.Row.Request.Code, p.Row.Revision)
                : p.Item.Revision != p.Row.Revision && Changes(p.Row, p.Item)
                    ? CatalogMessages.Format(CatalogMessages.ChangedSinceExport, p.Row.Number, p.Item.Code, p.Item.Revision, p.Row.Revision)
                    : null)
            .OfType<string>()
            .ToList();

    /// <summary>Whether applying the row would change the stored item.</summary>
    private static bool Changes(CatalogWorkbook.Row row, CatalogItem item) => Comparable.Of(ToRequest(item)) != Comparable.Of(row.Request);

    /// <summary>A stored item as the admin API would be sent it: what the workbook shows, and what an unedited row reads back as.</summary>
    public static ServiceRequest ToRequest(CatalogItem item) => item switch
    {
        BasicService b => new ServiceRequest
        {
            Code = b.Code, Kind = ServiceKind.Basic, Name = b.Name, NameEn = b.NameEn, Description = b.Description,
            LegalBasis = b.LegalBasis, PaidBy = b.PaidBy, SortOrder = b.SortOrder,
        },
        ExtendedService e => new ServiceRequest
        {
            Code = e.Code, Kind = ServiceKind.Extended, Category = e.Category, Name = e.Name, NameEn = e.NameEn, Unit = e.Unit, UnitEn = e.UnitEn,
            Description = e.Description,
            CostBasis = new CostBasisRequest { Materials = e.CostBasis.Materials, Labour = e.CostBasis.Labour, Machinery = e.CostBasis.Machinery, Other = e.CostBasis.Other, Overhead = e.CostBasis.Overhead },
            PriceExcludingTax = Money.ToFen(e.PriceExcludingTax), VatRate = e.VatRate, PricingForm = e.PricingForm, LegalBasis = e.LegalBasis,
            Provider = e.ProviderId, SortOrder = e.SortOrder,
        },
        _ => throw new InvalidOperationException($"Unknown catalog item type {item.GetType().Name}."),
    };

    /// <summary>What a row means once applied (trimmed text, amounts by value, defaults filled), so equal rows compare equal.</summary>
    private sealed record Comparable(
        string? Name, string? NameEn, string? Unit, string? UnitEn, string? Description, string? LegalBasis, ServiceCategory? Category,
        decimal? Materials, decimal? Labour, decimal? Machinery, decimal? Other, decimal? Overhead, decimal? PriceExcludingTax, decimal? VatRate,
        PricingForm? PricingForm, string? Provider, PaidBy? PaidBy, int SortOrder)
    {
        public static Comparable Of(ServiceRequest r) => new(
            r.Name?.Trim(), r.NameEn?.Trim(), r.Unit?.Trim(), r.UnitEn?.Trim(), r.Description?.Trim(), r.LegalBasis?.Trim(), r.Category,
            r.CostBasis?.Materials, r.CostBasis?.Labour, r.CostBasis?.Machinery, r.CostBasis?.Other, r.CostBasis?.Overhead, r.PriceExcludingTax, r.VatRate,
            r.Kind == ServiceKind.Extended ? r.PricingForm ?? Pricing.PricingForm.MarketRegulated : null, CatalogRules.ProviderId(r), r.PaidBy, r.SortOrder ?? 0);
    }
}

/// <summary>What an import did, by code.</summary>
public sealed class ImportResult
{
    public List<string> Created { get; } = [];
    public List<string> Updated { get; } = [];
    public List<string> Unchanged { get; } = [];
}
