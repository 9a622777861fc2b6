namespace PricingApi.Pricing;

/// <summary>
/// The one place where money is rounded. Chinese prices are quoted to the fen (0.01 CNY)
/// and a half fen rounds up (四舍五入), which for positive amounts is <see cref="MidpointRounding.AwayFromZero"/>.
/// </summary>
public static class Money
{
    /// <summary>Rounds half-up to the fen and always carries two decimals, so JSON shows 954.00, not 954.</summary>
    public static decimal ToFen(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>Rounds down to the fen: the highest price that still stays at or under an exact limit.</summary>
    public static decimal FloorToFen(decimal amount) => decimal.Floor(amount * 100m) / 100m + 0.00m;

    /// <summary>True when the amount has no digits below the fen.</summary>
    public static bool IsWholeFen(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>
    /// A rate as the contract writes it: 0.06, 0.10, 0.0625, never 0.0600, whatever scale the database returns.
    /// </summary>
    public static decimal Rate(decimal rate) =>
        decimal.Parse(rate.ToString("0.00##########", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The tax-inclusive price a customer pays: the tax-exclusive price plus VAT, rounded to the fen.</summary>
    public static decimal TaxInclusive(decimal priceExcludingTax, decimal vatRate) =>
        ToFen(priceExcludingTax * (1m + vatRate));
}
