using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PricingApi.Data;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Audit;
using PricingApi.Caching;
using PricingApi.Validation;
using PricingApi.OpenApi;

namespace PricingApi.Regulator;

/// <summary>
/// Who changed what: every catalog change, publication and key event, newest first. The trail is append-only;
/// this is its only route, and it reads. (The database refuses UPDATE and DELETE on it too.)
/// </summary>
public static class AuditTrailEndpoints
{
    public static RouteGroupBuilder MapAuditTrail(this RouteGroupBuilder group)
    {
        group.MapGet("/audit", ListAsync).Validate<AuditQuery>().WithName("GetAuditTrail").WithTimeQuery("from", "to")
            .WithSummary("The audit trail, newest first: when, who (key name and role), what, before and after.")
            .WithDescription("Paged (page, pageSize up to 200) and filtered by from (inclusive), to (exclusive), serviceCode and action. Strong ETag; If-None-Match answers 304.")
            .Produces<AuditPage>().Produces(StatusCodes.Status304NotModified);
        return group;
    }

    private static async Task<CachedContent> ListAsync([AsParameters] AuditQuery query, PricingDbContext db, CancellationToken ct)
    {
        var (from, to) = query.Range();
        var entries = db.AuditEntries.AsNoTracking();
        if (from is { } start)
        {
            entries = entries.Where(a => a.At >= start);
        }

        if (to is { } end)
        {
            entries = entries.Where(a => a.At < end);
        }

        if (query.ServiceCode is { } code)
        {
            entries = entries.Where(a => a.ServiceCode == code);
        }

        if (query.Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }

        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((query.PageNumber - 1) * query.Size).Take(query.Size)
            .ToViews().ToListAsync(ct);
        var body = JsonSerializer.SerializeToUtf8Bytes(new AuditPage(query.PageNumber, query.Size, total, items), PricingJson.Options);
        return new CachedContent(body, PublishedVersion.StrongETag(body), RegulatorEndpoints.Revalidate);
    }
}
