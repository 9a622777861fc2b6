using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using PricingApi.Http;
using PricingApi.Validation;

namespace PricingApi.Quotes;

/// <summary>The query of <c>GET /api/quotes</c>, bound with [AsParameters], named in camelCase like every other query.</summary>
public sealed record QuoteQuery
{
    /// <summary>1-based; 1 by default.</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    /// <summary>1 to 100; 20 by default.</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }

    /// <summary>issued, accepted, completed, cancelled or expired.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>Part of the customer's name or phone number.</summary>
    [FromQuery(Name = "customer")]
    public string? Customer { get; init; }

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
        RuleFor(q => q.Customer).MaximumCharacters(QuoteLimits.NameLength).IsPlainText();
    }
}
