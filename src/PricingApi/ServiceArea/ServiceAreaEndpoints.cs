using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PricingApi.Http;
using PricingApi.Security;

namespace PricingApi.ServiceArea;

/// <summary>Where extended services are offered now: public, so a resident can check before calling the counter.</summary>
public static class ServiceAreaEndpoints
{
    public static RouteGroupBuilder MapServiceArea(this IEndpointRouteBuilder routes)
    {
        // Read by the public website beside the fee list, so the same cross-origin policy.
        var group = routes.MapGroup("/api/service-area").WithTags("Public fee list").AllowAnonymous().RequireCors(PublicCors.Policy);
        group.MapGet("/", Get).WithName("GetServiceArea")
            .WithSummary("Where extended services are offered now: districts, whole or partial with their streets (街道/乡镇), exclusions.")
            .WithDescription("The area in force now. Each published fee-list version carries, as serviceArea, the area it was published with. "
                             + "confirmed is false while the utility has yet to confirm the streets; note then says so.");
        return group;
    }

    private static Ok<ServiceAreaEntry> Get(IOptions<ServiceAreaOptions> area) => TypedResults.Ok(ServiceAreaEntry.From(area.Value));
}
