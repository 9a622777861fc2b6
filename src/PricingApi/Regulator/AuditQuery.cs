using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using PricingApi.Audit;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Validation;

namespace PricingApi.Regulator;

/// <summary>The audit trail's query string: which page, and which entries.</summary>
public sealed record AuditQuery
{
    /// <summary>1 (the default) for the newest entries.</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    /// <summary>Entries per page, 1 to 200; 50 when absent.</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }

    /// <summary>Entries at or after this time (ISO 8601; without an offset, +08:00).</summary>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>Entries before this time (exclusive, so consecutive ranges never overlap).</summary>
    [FromQuery(Name = "to")]
    public string? To { get; init; }

    /// <summary>Only entries about this service code.</summary>
    [FromQuery(Name = "serviceCode")]
    public string? ServiceCode { get; init; }

    /// <summary>Only entries of this action, e.g. service-updated or version-published.</summary>
    [FromQuery(Name = "action")]
    public string? Action { get; init; }

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    /// <summary>Far beyond any real trail, and small enough that page × pageSize cannot overflow.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Every action the audit records, read from <see cref="AuditActions"/> so a new action is filterable at once.</summary>
    public static readonly IReadOnlyList<string> Actions = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    public int PageNumber => Page ?? 1;
    public int Size => PageSize ?? DefaultPageSize;

    /// <summary>The parsed bounds; call only after the validator passed.</summary>
    public (DateTimeOffset? From, DateTimeOffset? To) Range() => (UtilityTime.ReadOrNull(From), UtilityTime.ReadOrNull(To));
}

public sealed class AuditQueryValidator : AbstractValidator<AuditQuery>
{
    public AuditQueryValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, AuditQuery.MaxPage);
        RuleFor(q => q.PageSize).InclusiveBetween(1, AuditQuery.MaxPageSize);
        RuleFor(q => q.From).IsUtilityTime();
        RuleFor(q => q.To).IsUtilityTime().IsAfter(q => q.From);
        RuleFor(q => q.ServiceCode).MaximumCharacters(40).IsPlainText();
        RuleFor(q => q.Action).OneOf(AuditQuery.Actions)
            .WithMessage($"'action' must be one of: {string.Join(", ", AuditQuery.Actions)}.");
    }
}
