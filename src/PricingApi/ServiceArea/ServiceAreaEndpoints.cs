using System.Text.Json;
using Microsoft.Extensions.Options;
using PricingApi.Caching;
using PricingApi.Http;
using PricingApi.Security;

namespace PricingApi.ServiceArea;

/// <summary>Where extended services are offered now: public, so a resident can check before calling the counter.</summary>
public static class ServiceAreaEndpoints
{
    /// <summary>
    /// How long a browser or CDN may keep the area: it comes from configuration (or the city profile), read once at
    /// start, so it changes only when the service restarts with a new area; an hour bounds how long the old one is
    /// still shown after that.
    /// </summary>
    public const int MaxAgeSeconds = 3600;

    public static RouteGroupBuilder MapServiceArea(this IEndpointRouteBuilder routes)
    {
        // Read by the public website beside the fee list, so the same cross-origin policy.
        var group = routes.MapGroup("/api/service-area").WithTags("Public fee list").AllowAnonymous().RequireCors(PublicCors.Policy);
        group.MapGet("/", GetAsync).WithName("GetServiceArea")
            .WithSummary("Where extended services are offered now: districts, whole or partial with their streets (街道/乡镇), exclusions.")
            .WithDescription("The area in force now. Each published fee-list version carries, as serviceArea, the area it was published with. "
                             + "confirmed is false while the utility has yet to confirm the streets; note then says so. "
                             + "Strong ETag; If-None-Match answers 304.")
            .Produces<ServiceAreaEntry>().Produces(StatusCodes.Status304NotModified);
        return group;
    }

    private static async Task<CachedContent> GetAsync(IOptions<ServiceAreaOptions> area, RenderedBytes rendered, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(ServiceAreaEntry.From(area.Value), PricingJson.Options);
        return new CachedContent(await rendered.CompressedAsync(body, ct), CachedContent.Short(MaxAgeSeconds));
    }
}
