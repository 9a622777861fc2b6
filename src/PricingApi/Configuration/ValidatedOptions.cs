using FluentValidation;
using Microsoft.Extensions.Options;

namespace PricingApi.Configuration;

/// <summary>
/// Settings are checked one way: every options class has a FluentValidation validator (found by the same assembly scan
/// as the request validators) whose messages name the setting as <c>Section:Key</c>, run when the service starts. A
/// typing error in appsettings.json or an environment variable stops the start with the setting named, instead of
/// failing requests hours later.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/> and validates it at start.</summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateAtStart();

    /// <summary>Validates options configured some other way (a city profile, then a section) at start.</summary>
    public static OptionsBuilder<T> ValidateAtStart<T>(this OptionsBuilder<T> builder) where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>>(sp => new Adapter<T>(sp.GetRequiredService<IValidator<T>>()));
        return builder.ValidateOnStart();
    }

    private sealed class Adapter<T>(IValidator<T> validator) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var result = validator.Validate(options);
            return result.IsValid ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(result.Errors.Select(e => e.ErrorMessage));
        }
    }
}

/// <summary>Rules the settings share; each message names the setting and the value found.</summary>
public static class SettingRules
{
    public static IRuleBuilderOptions<T, TValue> Within<T, TValue>(this IRuleBuilder<T, TValue> rule, string setting, TValue min, TValue max)
        where TValue : IComparable<TValue>, IComparable =>
        rule.InclusiveBetween(min, max).WithMessage((_, value) => $"{setting} must be between {min} and {max}; it is {value}.");

    public static IRuleBuilderOptions<T, TValue> AtLeast<T, TValue>(this IRuleBuilder<T, TValue> rule, string setting, TValue min)
        where TValue : IComparable<TValue>, IComparable =>
        rule.GreaterThanOrEqualTo(min).WithMessage((_, value) => $"{setting} must be at least {min}; it is {value}.");
}
