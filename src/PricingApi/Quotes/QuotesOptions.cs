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

    /// <summary>Why these options cannot run the service, or null when they can.</summary>
    public string? Problem() =>
        ValidityDays is < 1 or > 366 ? $"Quotes:ValidityDays must be between 1 and 366 days; it is {ValidityDays}."
        : CompletionTolerancePercent is < 0 or > 100 ? $"Quotes:CompletionTolerancePercent must be between 0 and 100; it is {CompletionTolerancePercent}."
        : PersonalDataRetentionDays < 1 ? $"Quotes:PersonalDataRetentionDays must be at least 1; it is {PersonalDataRetentionDays}."
        : PersonalDataSweepMinutes < 1 ? $"Quotes:PersonalDataSweepMinutes must be at least 1; it is {PersonalDataSweepMinutes}."
        : null;
}

/// <summary>The size limits of a quote request; anything larger is a typing error or an attack, refused with 400.</summary>
public static class QuoteLimits
{
    public const int MaxLines = 100;
    public const decimal MaxQuantity = 10_000m;
    public const int NameLength = 100;
    public const int PhoneLength = 20;
    public const int AddressLength = 200;
    public const int DistrictLength = 20;
    public const int StreetLength = 40;
    public const int ServiceCodeLength = 40;
    public const int IdempotencyKeyLength = 128;
}
