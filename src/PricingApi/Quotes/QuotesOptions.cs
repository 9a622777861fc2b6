using FluentValidation;
using PricingApi.Configuration;

namespace PricingApi.Quotes;

/// <summary>The quote policy parameters (section <c>Quotes</c>).</summary>
public sealed class QuotesOptions
{
    public const string Section = "Quotes";

    /// <summary>How many days a quote holds from the moment it is issued.</summary>
    public int ValidityDays { get; set; } = 30;

    /// <summary>How far the work done on a measured unit (米, 百米…) may exceed the quoted quantity, in percent.</summary>
    public int CompletionTolerancePercent { get; set; } = ChargeRules.DefaultTolerancePercent;

    /// <summary>How many days after a quote's last change of state (expiry included) the customer's name, phone and address are kept.</summary>
    public int PersonalDataRetentionDays { get; set; } = 1095;

    /// <summary>How often the erasure job looks for quotes past their retention, in minutes.</summary>
    public int PersonalDataSweepMinutes { get; set; } = 60;

}

/// <summary>The size limits of a quote request; anything larger is a typing error or an attack, refused with 400.</summary>
public static class QuoteLimits
{
    public const int MaxLines = 100;
    public const decimal MaxQuantity = 10_000m;

    /// <summary>
    /// The most a completion line may carry: a quote's whole quantity of one service plus the largest tolerance a
    /// measured unit can be given (Quotes:CompletionTolerancePercent, at most 100%). The charge rules then hold each
    /// line to what its quote allows (a 422); this only refuses what no quote could allow (a 400).
    /// </summary>
    public const decimal MaxCompletedQuantity = 2 * MaxQuantity;
    public const int NameLength = 100;
    public const int PhoneLength = 20;
    public const int AddressLength = 200;
    public const int DistrictLength = 20;
    public const int StreetLength = 40;
    public const int ServiceCodeLength = 40;
}

public sealed class QuotesOptionsValidator : AbstractValidator<QuotesOptions>
{
    public QuotesOptionsValidator()
    {
        RuleFor(o => o.ValidityDays).Within("Quotes:ValidityDays", 1, 366);
        RuleFor(o => o.CompletionTolerancePercent).Within("Quotes:CompletionTolerancePercent", 0, 100);
        RuleFor(o => o.PersonalDataRetentionDays).AtLeast("Quotes:PersonalDataRetentionDays", 1);
        RuleFor(o => o.PersonalDataSweepMinutes).AtLeast("Quotes:PersonalDataSweepMinutes", 1);
    }
}
