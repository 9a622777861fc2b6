using Microsoft.AspNetCore.Http.HttpResults;
using PricingApi.ApiKeys;
using PricingApi.Audit;
using PricingApi.FeeList;
using PricingApi.Http;

namespace PricingApi.Publishing;

public static class PublishingEndpoints
{
    /// <summary>The body of a publish request.</summary>
    public sealed record PublishRequest
    {
        /// <summary>When the new version takes effect; now when absent. Never in the past, and later than every other version.</summary>
        public DateTimeOffset? EffectiveFrom { get; init; }
    }

    public static RouteGroupBuilder MapPublishing(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/fee-list")
            .WithTags("Pricing admin")
            .RequireAuthorization(Policies.PricingAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/versions", PublishAsync).WithName("PublishFeeList")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Publish the working catalog as a new, immutable fee-list version.")
            .WithDescription("effectiveFrom defaults to now; it may not lie in the past and must be later than every other version's. Refused (422) while any extended service breaks the cost-profit cap.");
        return group;
    }

    private static async Task<Results<Created<VersionSummary>, ProblemHttpResult>> PublishAsync(
        PublishRequest? request, FeeListPublisher publisher, HttpContext http, CancellationToken ct)
    {
        var outcome = await publisher.PublishAsync(Actor.From(http.User), request?.EffectiveFrom, ct);
        return outcome switch
        {
            PublishOutcome.Published p => TypedResults.Created($"/api/fee-list/versions/{p.Version.Version}", p.Version),
            PublishOutcome.Refused r => Problems.BusinessRule(r.Detail, "The fee list cannot be published."),
            PublishOutcome.Conflicted c => Problems.Conflict(c.Detail),
            _ => throw new InvalidOperationException("Unknown publish outcome."),
        };
    }
}
