using FluentValidation;
using FluentValidation.Validators;

namespace PricingApi.Validation;

/// <summary>
/// A value from a fixed list (null passes: pair it with NotNull when the value is required). Unlike a
/// <c>Must</c> predicate, the list can be read back, so the OpenAPI document shows it as an <c>enum</c>.
/// </summary>
public sealed class OneOfValidator<T, TProperty>(IReadOnlyCollection<TProperty> allowed) : PropertyValidator<T, TProperty>, IOneOfValidator
{
    public override string Name => "OneOfValidator";

    public IEnumerable<object> Allowed => allowed.Where(a => a is not null).Cast<object>();

    public override bool IsValid(ValidationContext<T> context, TProperty value) => value is null || allowed.Contains(value);

    protected override string GetDefaultMessageTemplate(string errorCode) => "'{PropertyName}' is not one of the allowed values.";
}

public interface IOneOfValidator
{
    IEnumerable<object> Allowed { get; }
}

public static class OneOfValidatorExtensions
{
    public static IRuleBuilderOptions<T, TProperty> OneOf<T, TProperty>(this IRuleBuilder<T, TProperty> rule, IEnumerable<TProperty> allowed) =>
        rule.SetValidator(new OneOfValidator<T, TProperty>(allowed.ToList()));
}
