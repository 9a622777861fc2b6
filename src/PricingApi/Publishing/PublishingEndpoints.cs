using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
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

        /// <summary>
        /// Whether the version is still illustrative sample data. Absent: as the latest version not withdrawn is (a list
        /// published from the shipped sample catalog stays marked, edits or not, until someone says otherwise); false:
        /// these are the utility's own prices, and the mark is cleared; true: mark it.
        /// </summary>
        public bool? Sample { get; init; }
    }

    public static RouteGroupBuilder MapPublishing(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/fee-list")
            .WithTags("Pricing admin")
            .RequireKey(Policies.PricingAdmin);

        group.MapPost("/versions", PublishAsync).WithName("PublishFeeList")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Publish the working catalog as a new, immutable fee-list version.")
            .Produces<ProposalView>(StatusCodes.Status202Accepted)
            .WithDescription("effectiveFrom defaults to now; it may not lie in the past, nor more than Publishing:MaxScheduleDays ahead, and must be later than every other version's that is not withdrawn. Refused (422) while any extended service breaks the cost-profit cap, and when nothing changed since the latest version not withdrawn. sample: false clears the sample-data mark a list published from the shipped sample catalog carries (it carries over otherwise; not settable on a proposal, 422). With Publishing:RequireApproval the answer is 202 with a proposal that another pricing admin approves.");
        group.MapPublishingGovernance();
        group.MapProposals();
        return group;
    }

    private static async Task<Results<Created<VersionSummary>, Accepted<ProposalView>, ProblemHttpResult>> PublishAsync(
        PublishRequest? request, IOptions<PublishingOptions> options, IServiceProvider services, HttpContext http, CancellationToken ct)
    {
        if (options.Value.RequireApproval && request?.Sample is not null)
        {
            // A proposal does not keep it, so the approved version would carry the mark over: refused, never dropped.
            return Problems.BusinessRule(PublishingMessages.SampleNotProposed);
        }

        var actor = Actor.From(http.User);
        var outcome = options.Value.RequireApproval
            ? await services.GetRequiredService<PublicationProposer>().ProposeAsync(actor, GovernanceEndpoints.KeyId(http.User), request?.EffectiveFrom, ct)
            : await services.GetRequiredService<FeeListPublisher>().PublishAsync(actor, request?.EffectiveFrom, ct, sample: request?.Sample);
        return GovernanceEndpoints.ToResult(outcome) switch
        {
            Created<VersionSummary> created => created,
            Accepted<ProposalView> accepted => accepted,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("Unknown publish outcome."),
        };
    }
}
