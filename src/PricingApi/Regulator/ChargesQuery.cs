using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Validation;

namespace PricingApi.Regulator;

/// <summary>Which page of charges.</summary>
public sealed record ChargesPaging
{
    /// <summary>1 (the default) for the earliest charges in the range.</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    /// <summary>Charges per page, 1 to 200; 50 when absent.</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public int PageNumber => Page ?? 1;
    public int Size => PageSize ?? DefaultPageSize;
}

/// <summary>Charges in a time range: the list, the exports and the compliance report all take it.</summary>
public sealed record ChargesRange
{
    /// <summary>Charges at or after this time (ISO 8601; without an offset, +08:00).</summary>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>Charges before this time (exclusive, so consecutive ranges never overlap).</summary>
    [FromQuery(Name = "to")]
    public string? To { get; init; }

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
