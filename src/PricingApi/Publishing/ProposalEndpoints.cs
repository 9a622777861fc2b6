using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PricingApi.Audit;
using PricingApi.Data;
using PricingApi.Http;
using PricingApi.Validation;

namespace PricingApi.Publishing;

/// <summary>
/// Reading publication proposals (Publishing:RequireApproval): which wait for a second pricing admin, and what approving
/// one would publish. Without this an approver signs a digest they cannot read, and the 202's Location leads nowhere.
/// </summary>
public static class ProposalEndpoints
{
    public static RouteGroupBuilder MapProposals(this RouteGroupBuilder group)
    {
        group.MapGet("/proposals", ListAsync).Validate<ProposalQuery>().WithName("ListPublicationProposals")
            .WithSummary("Publication proposals, newest first; filter by status (open: waiting for approval; approved; rejected: closed without publishing, with its reason).")
            .WithDescription("Pricing-admin key. Proposals exist only with Publishing:RequireApproval, where publishing answers 202 with one.");
        group.MapGet("/proposals/{id:long}", GetAsync).WithName("GetPublicationProposal")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One proposal; for an open one, what approving it would publish, as changes against the latest version not withdrawn.")
            .WithDescription("Pricing-admin key. For an open proposal, catalogChangedSince says whether the working catalog changed after it was made (an approval is then refused, 409, and it must be proposed again); while it has not, changes lists the services approving it would add, remove, reprice and amend, compared as GET /api/fee-list/versions/{version}/changes will compare the published version. An approved proposal names the version it published; a rejected one who closed it, when and why.");
        return group;
    }

    private static async Task<Ok<List<ProposalView>>> ListAsync([AsParameters] ProposalQuery query, PricingDbContext db, CancellationToken ct)
    {
        var proposals = db.PublicationProposals.AsNoTracking();
        proposals = query.Status switch
        {
            ProposalView.Open => proposals.Where(PublicationProposal.Open),
            ProposalView.Approved => proposals.Where(p => p.Version != null),
            ProposalView.Rejected => proposals.Where(p => p.RejectedAt != null),
            _ => proposals,
        };
        var rows = await proposals.OrderByDescending(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(ProposalView.Of).ToList());
    }

    private static async Task<Results<Ok<ProposalView>, ProblemHttpResult>> GetAsync(
        long id, PublicationProposer proposer, HttpContext http, CancellationToken ct) =>
        await proposer.ReviewAsync(id, Actor.From(http.User), ct) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound(PublishingMessages.UnknownProposal(id));
}
