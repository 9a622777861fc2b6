namespace PricingApi.Quotes;

/// <summary>The quote policy parameters (section <c>Quotes</c>).</summary>
public sealed class QuotesOptions
{
    public const string Section = "Quotes";

    /// <summary>How many days a quote holds from the moment it is issued.</summary>
    public int ValidityDays { get; set; } = 30;

    /// <summary>Why these options cannot run the service, or null when they can.</summary>
    public string? Problem() =>
        ValidityDays is < 1 or > 366 ? $"Quotes:ValidityDays must be between 1 and 366 days; it is {ValidityDays}." : null;
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
