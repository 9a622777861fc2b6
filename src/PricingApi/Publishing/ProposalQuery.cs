using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using PricingApi.Validation;

namespace PricingApi.Publishing;

/// <summary>The query of <c>GET /api/admin/fee-list/proposals</c>.</summary>
public sealed record ProposalQuery
{
    /// <summary>open (waiting for approval), approved or rejected; every proposal when absent.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; init; }
}

public sealed class ProposalQueryValidator : AbstractValidator<ProposalQuery>
{
    public ProposalQueryValidator() =>
        RuleFor(q => q.Status).OneOf([ProposalView.Open, ProposalView.Approved, ProposalView.Rejected])
            .WithMessage("'status' is one of open, approved, rejected.");
}
