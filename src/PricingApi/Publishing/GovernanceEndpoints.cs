using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using PricingApi.Validation;
using PricingApi.ApiKeys;
using PricingApi.Audit;
using PricingApi.FeeList;
using PricingApi.Http;

namespace PricingApi.Publishing;

/// <summary>Withdrawal of a scheduled version, approval and rejection of a proposal: the admin routes beside publishing.</summary>
public static class GovernanceEndpoints
{
    /// <summary>The body of a withdrawal.</summary>
    public sealed record WithdrawalRequest
    {
        /// <summary>Why the version is withdrawn; shown to the public beside the version.</summary>
        public string? Reason { get; init; }
    }

    public sealed class WithdrawalRequestValidator : AbstractValidator<WithdrawalRequest>
    {
        public WithdrawalRequestValidator() =>
            RuleFor(r => r.Reason).NotEmpty().WithMessage("'reason' is required: the public sees why a version was withdrawn.")
                .MaximumCharacters(500).IsPlainText();
    }

    /// <summary>The body of a proposal's rejection.</summary>
    public sealed record RejectionRequest
    {
        /// <summary>Why the proposal is closed without publishing; listed with it and in the audit trail.</summary>
        public string? Reason { get; init; }
    }

    public sealed class RejectionRequestValidator : AbstractValidator<RejectionRequest>
    {
        public RejectionRequestValidator() =>
            RuleFor(r => r.Reason).NotEmpty().WithMessage(PublishingMessages.RejectionReasonRequired)
                .MaximumCharacters(500).IsPlainText();
    }

    public static RouteGroupBuilder MapPublishingGovernance(this RouteGroupBuilder group)
    {
        group.MapPost("/versions/{version:int}/withdrawal", WithdrawAsync).WithName("WithdrawFeeListVersion")
            .Validate<WithdrawalRequest>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Withdraw a scheduled version before it takes effect, with a reason.")
            .WithDescription("The version keeps its number and bytes and is listed as withdrawn with withdrawnAt and withdrawalReason; it never takes effect. A version already in effect (or superseded) cannot be withdrawn: 409.");
        group.MapPost("/proposals/{id:long}/approval", ApproveAsync).WithName("ApprovePublication")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Approve another pricing admin's publication proposal, which publishes it (Publishing:RequireApproval).")
            .WithDescription("The proposer's own key gets 403. A proposal is void (409) once the working catalog changed after it was made, or once approved or rejected.");
        group.MapPost("/proposals/{id:long}/rejection", RejectAsync).WithName("RejectPublicationProposal")
            .Validate<RejectionRequest>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Close an open publication proposal without publishing it, with a reason (Publishing:RequireApproval).")
            .WithDescription("Any pricing-admin key, the proposer's own included (withdrawing it): the answer is the proposal, now status: rejected with rejectedAt, rejectedBy and rejectionReason, audited as publication-rejected. For a proposal that can no longer be approved (its effectiveFrom has passed, the catalog was edited since), or that should not be. A proposal already approved or rejected: 409. Publishing a version closes, the same way, every open proposal of the very content it published.");
        return group;
    }

    private static Task<Results<Ok<VersionSummary>, ProblemHttpResult>> WithdrawAsync(
        int version, WithdrawalRequest request, FeeListWithdrawer withdrawer, HttpContext http, CancellationToken ct) =>
        AsAnsweredAsync<Ok<VersionSummary>>(withdrawer.WithdrawAsync(version, request.Reason!, Actor.From(http.User), ct));

    private static Task<Results<Created<VersionSummary>, ProblemHttpResult>> ApproveAsync(
        long id, PublicationProposer proposer, HttpContext http, CancellationToken ct) =>
        AsAnsweredAsync<Created<VersionSummary>>(proposer.ApproveAsync(id, Actor.From(http.User), KeyId(http.User), ct));

    private static Task<Results<Ok<ProposalView>, ProblemHttpResult>> RejectAsync(
        long id, RejectionRequest request, PublicationProposer proposer, HttpContext http, CancellationToken ct) =>
        AsAnsweredAsync<Ok<ProposalView>>(proposer.RejectAsync(id, request.Reason!, Actor.From(http.User), ct));

    /// <summary>The outcome as the route declares it: its one success, or a problem (the route's OpenAPI lists both).</summary>
    private static async Task<Results<TSuccess, ProblemHttpResult>> AsAnsweredAsync<TSuccess>(Task<PublishOutcome> outcome) where TSuccess : IResult =>
        ToResult(await outcome) switch
        {
            TSuccess success => success,
            ProblemHttpResult problem => problem,
            var other => throw new InvalidOperationException($"Unexpected publishing outcome {other.GetType().Name}."),
        };

    internal static string KeyId(ClaimsPrincipal user) =>
        user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) ?? throw new InvalidOperationException("An authenticated key always carries its id.");

    /// <summary>Each outcome as the one status it means everywhere in publishing.</summary>
    internal static IResult ToResult(PublishOutcome outcome) => outcome switch
    {
        PublishOutcome.Published p => TypedResults.Created($"/api/fee-list/versions/{p.Version.Version}", p.Version),
        PublishOutcome.Proposed p => TypedResults.Accepted($"/api/admin/fee-list/proposals/{p.Proposal.Proposal}", p.Proposal),
        PublishOutcome.Withdrawn w => TypedResults.Ok(w.Version),
        PublishOutcome.Rejected r => TypedResults.Ok(r.Proposal),
        PublishOutcome.Refused r => Problems.BusinessRule(r.Detail, PublishingMessages.CannotPublishTitle.ToString()),
        PublishOutcome.Conflicted c => Problems.Conflict(c.Detail),
        PublishOutcome.Forbidden f => TypedResults.Problem(f.Detail, statusCode: StatusCodes.Status403Forbidden, title: PublishingMessages.ForbiddenTitle),
        PublishOutcome.Unknown u => Problems.NotFound(u.Detail),
        _ => throw new InvalidOperationException("Unknown publishing outcome."),
    };
}
