using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using PricingApi.Http;
using PricingApi.Validation;

namespace PricingApi.Quotes;

/// <summary>The query of <c>GET /api/quotes</c>, bound with [AsParameters], named in camelCase like every other query.</summary>
/// <param name="Page">1-based; 1 by default.</param>
/// <param name="PageSize">1 to 100; 20 by default.</param>
/// <param name="Status">issued, accepted, completed, cancelled or expired.</param>
/// <param name="Customer">Part of the customer's name or phone number.</param>
public sealed record QuoteQuery(
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "customer")] string? Customer)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int PageOrDefault => Page ?? 1;
    public int PageSizeOrDefault => PageSize ?? DefaultPageSize;

    /// <summary>The status filter, once validated.</summary>
    public QuoteStatus? StatusFilter => Status is null ? null : Enum.Parse<QuoteStatus>(Status, ignoreCase: true);
}

public sealed class QuoteQueryValidator : AbstractValidator<QuoteQuery>
{
    private static readonly string[] Statuses = ["issued", "accepted", "completed", "cancelled", "expired"];

    public QuoteQueryValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, 1_000_000);
        RuleFor(q => q.PageSize).InclusiveBetween(1, QuoteQuery.MaxPageSize);
        RuleFor(q => q.Status).OneOf(Statuses).WithMessage("'status' is one of issued, accepted, completed, cancelled, expired.");
        RuleFor(q => q.Customer).MaximumLength(QuoteLimits.NameLength).IsPlainText();
    }
}
