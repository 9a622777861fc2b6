using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Validation;

namespace PricingApi.Regulator;

/// <summary>Which page of charges.</summary>
/// <param name="Page">1 (the default) for the earliest charges in the range.</param>
/// <param name="PageSize">Charges per page, 1 to 200; 50 when absent.</param>
public sealed record ChargesPaging([FromQuery(Name = "page")] int? Page, [FromQuery(Name = "pageSize")] int? PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public int PageNumber => Page ?? 1;
    public int Size => PageSize ?? DefaultPageSize;
}

/// <summary>Charges in a time range: the list, the exports and the compliance report all take it.</summary>
/// <param name="From">Charges at or after this time (ISO 8601; without an offset, +08:00).</param>
/// <param name="To">Charges before this time (exclusive, so consecutive ranges never overlap).</param>
public sealed record ChargesRange([FromQuery(Name = "from")] string? From, [FromQuery(Name = "to")] string? To)
{
    /// <summary>The parsed bounds; call only after the validator passed.</summary>
    public (DateTimeOffset? From, DateTimeOffset? To) Bounds() => (UtilityTime.ReadOrNull(From), UtilityTime.ReadOrNull(To));
}

public sealed class ChargesPagingValidator : AbstractValidator<ChargesPaging>
{
    public ChargesPagingValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, AuditQuery.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, ChargesPaging.MaxPageSize);
    }
}

public sealed class ChargesRangeValidator : AbstractValidator<ChargesRange>
{
    public ChargesRangeValidator()
    {
        RuleFor(r => r.From).IsUtilityTime();
        RuleFor(r => r.To).IsUtilityTime().IsAfter(r => r.From);
    }
}
