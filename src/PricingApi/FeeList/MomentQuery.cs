using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Validation;

namespace PricingApi.FeeList;

/// <summary>"The fee list in effect at <c>?at=</c>": any moment, past or future; now when absent.</summary>
public sealed record MomentQuery
{
    /// <summary>An ISO 8601 time; without an offset it is read as +08:00.</summary>
    [FromQuery(Name = "at")]
    public string? At { get; init; }

    /// <summary>The moment asked about; call only after the validator passed.</summary>
    public DateTimeOffset Or(DateTimeOffset now) => UtilityTime.ReadOrNull(At) ?? now;
}

public sealed class MomentQueryValidator : AbstractValidator<MomentQuery>
{
    public MomentQueryValidator() => RuleFor(q => q.At).IsUtilityTime();
}
