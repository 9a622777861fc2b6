using FluentValidation;
using PricingApi.Utility;

namespace PricingApi.Validation;

/// <summary>
/// Rules shared by the query strings. Every query is an <c>[AsParameters]</c> record with a FluentValidation validator
/// run by <see cref="ValidationFilter{T}"/>, so a malformed value is a 400 naming the parameter, whatever the route.
/// </summary>
public static class QueryRules
{
    public const string TimeMessage = "'{PropertyName}' must be an ISO 8601 time, e.g. 2026-12-01T00:00:00+08:00.";

    /// <summary>Absent, or a time as <see cref="UtilityTime.TryParse"/> reads it (without an offset, +08:00).</summary>
    public static IRuleBuilderOptions<T, string?> IsUtilityTime<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => text is null || UtilityTime.TryParse(text, out _)).WithMessage(TimeMessage);

    /// <summary>A range's end after its start; each bound read only once the bounds themselves passed.</summary>
    public static IRuleBuilderOptions<T, string?> IsAfter<T>(this IRuleBuilder<T, string?> rule, Func<T, string?> start) =>
        rule.Must((query, end) => UtilityTime.ReadOrNull(start(query)) is not { } from || UtilityTime.ReadOrNull(end) is not { } to || from < to)
            .WithMessage("'to' must be later than 'from'.");
}
