using FluentValidation;
using FluentValidation.Validators;

namespace PricingApi.Validation;

/// <summary>
/// Text limits counted in characters (Unicode code points), not UTF-16 units. FluentValidation's <c>MaximumLength</c>
/// counts units, so every character beyond the Basic Multilingual Plane (CJK Extension B and later, found in rare
/// names and place names) counted twice: a clerk who typed 51 such characters was told the name had 102. Code points
/// are what JSON Schema's <c>maxLength</c> counts (the OpenAPI document publishes these limits) and what PostgreSQL's
/// <c>varchar(n)</c> holds. The rule keeps <c>MaximumLength</c>'s name, message and schema, only the count differs.
/// </summary>
public static class Characters
{
    /// <summary>At most <paramref name="max"/> characters; absent passes (NotEmpty says otherwise).</summary>
    public static IRuleBuilderOptions<T, string?> MaximumCharacters<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.SetValidator(new MaximumCharactersValidator<T>(max));

    /// <summary>The number of characters a person would count: code points, a surrogate pair being one.</summary>
    private static int Count(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private sealed class MaximumCharactersValidator<T>(int max) : MaximumLengthValidator<T>(max)
    {
        public override bool IsValid(ValidationContext<T> context, string value)
        {
            var length = value is null ? 0 : Count(value);
            if (length <= Max)
            {
                return true;
            }

            context.MessageFormatter.AppendArgument("MinLength", Min).AppendArgument("MaxLength", Max).AppendArgument("TotalLength", length);
            return false;
        }
    }
}
