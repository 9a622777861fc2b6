using PricingApi.Pricing;

namespace PricingApi.Tests.Pricing;

public class MoneyTests
{
    [Theory]
    [InlineData("0.25", "0.06", "0.27")]     // 0.265 rounds half-up, not to even
    [InlineData("900.00", "0.06", "954.00")]
    [InlineData("305.00", "0.09", "332.45")]
    [InlineData("82.00", "0.09", "89.38")]
    [InlineData("0.05", "0.09", "0.05")]     // 0.0545
    [InlineData("0.50", "0.09", "0.55")]     // 0.545 → 0.55
    [InlineData("100.00", "0", "100.00")]
    public void TaxInclusivePriceIsRoundedHalfUpToTheFen(string exTax, string vat, string expected) =>
        Assert.Equal(decimal.Parse(expected), Money.TaxInclusive(decimal.Parse(exTax), decimal.Parse(vat)));

    [Fact]
    public void AmountsAlwaysCarryTwoDecimals() =>
        Assert.Equal("954.00", Money.TaxInclusive(900m, 0.06m).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("1.005", "1.01")]
    [InlineData("2.675", "2.68")]
    [InlineData("1.004", "1.00")]
    public void ToFenRoundsHalfAwayFromZero(string amount, string expected) =>
        Assert.Equal(decimal.Parse(expected), Money.ToFen(decimal.Parse(amount)));

    [Theory]
    [InlineData("0.0600", "0.06")]
    [InlineData("0.1", "0.10")]
    [InlineData("0.0625", "0.0625")]
    [InlineData("0", "0.00")]
    public void RatesAreWrittenWithAtLeastTwoAndNoTrailingDecimals(string stored, string written) =>
        Assert.Equal(written, Money.Rate(decimal.Parse(stored)).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
