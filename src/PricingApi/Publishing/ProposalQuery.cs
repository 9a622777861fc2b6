using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using PricingApi.Validation;

namespace PricingApi.Publishing;

/// <summary>The query of <c>GET /api/admin/fee-list/proposals</c>.</summary>
/// <param name="Status">open (waiting for approval) or approved; every proposal when absent.</param>
public sealed record ProposalQuery([FromQuery(Name = "status")] string? Status);

public sealed class ProposalQueryValidator : AbstractValidator<ProposalQuery>
{
    public ProposalQueryValidator() =>
        RuleFor(q => q.Status).OneOf([ProposalView.Open, ProposalView.Approved]).WithMessage("'status' is one of open, approved.");
}
