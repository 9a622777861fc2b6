using PricingApi.FeeList;
using PricingApi.Pricing;
using PricingApi.Quotes;

namespace PricingApi.Tests.Quotes;

/// <summary>The quote rules on their own, against a hand-made published list.</summary>
public class QuoteRulesTests
{
    private static readonly FeeListDocument List = new()
    {
        Version = 3,
        Publisher = "测试水司",
        ServicePhone = "96106",
        SupervisionPhone = "12315",
        BasicServices = [new BasicServiceEntry { Code = "BAS-APPLY", Name = "报装受理", NameEn = "Application", Description = "", PaidBy = PaidBy.Utility, LegalBasis = "" }],
        ExtendedServices =
        [
            Service("EXT-VISIT", "次", 954.00m),
            Service("EXT-PIPE", "百米", 10.61m),
        ],
    };

    [Fact]
    public void LinesArePricedFromTheListAndRoundedHalfUpToTheFen()
    {
        var (lines, refusals) = QuoteRules.Price(List, [("EXT-VISIT", 2m), ("EXT-PIPE", 2.5m)]);

        Assert.Empty(refusals);
        Assert.Equal([1908.00m, 26.53m], lines.Select(l => l.LineTotal));
        Assert.Equal([1, 2], lines.Select(l => l.LineNumber));
        Assert.Equal(1934.53m, QuoteRules.Total(lines));
    }

    [Fact]
    public void BasicUnknownAndFractionalCountedLinesAreEachRefused()
    {
        var (lines, refusals) = QuoteRules.Price(List, [("BAS-APPLY", 1m), ("EXT-NONE", 1m), ("EXT-VISIT", 1.5m), ("EXT-PIPE", 0.01m)]);

        Assert.Single(lines);
        Assert.Equal(3, refusals.Count);
        Assert.Contains("基础服务免费", refusals[0]);
        Assert.Contains("version 3", refusals[1]);
        Assert.Contains("1.5 is not a whole number", refusals[2]);
    }

    [Fact]
    public void ExpiryStartsAtValidUntilAndNeverOverridesCancellation()
    {
        var validUntil = new DateTimeOffset(2026, 12, 23, 9, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(QuoteStatus.Issued, QuoteRules.StatusAt(QuoteStatus.Issued, validUntil, validUntil.AddTicks(-1)));
        Assert.Equal(QuoteStatus.Expired, QuoteRules.StatusAt(QuoteStatus.Issued, validUntil, validUntil));
        Assert.Equal(QuoteStatus.Cancelled, QuoteRules.StatusAt(QuoteStatus.Cancelled, validUntil, validUntil.AddDays(1)));
    }

    [Theory]
    [InlineData("Q", 2026, 1, "Q-2026-000001")]
    [InlineData("TY", 2026, 123, "TY-2026-000123")]
    [InlineData("Q", 2027, 1_000_000, "Q-2027-1000000")]
    public void NumbersAreSeriesYearAndSixDigitSequence(string series, int year, int sequence, string expected) =>
        Assert.Equal(expected, QuoteRules.Number(series, year, sequence));

    [Fact]
    public void QuantitiesReadWithoutTrailingZeros()
    {
        Assert.Equal("2", QuoteRules.Normalize(2.00m).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1.5", QuoteRules.Normalize(1.50m).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void DefaultOptionsAreThirtyDays()
    {
        var options = new QuotesOptions();

        Assert.Equal(30, options.ValidityDays);
        Assert.True(new QuotesOptionsValidator().Validate(options).IsValid);
        Assert.False(new QuotesOptionsValidator().Validate(new QuotesOptions { ValidityDays = 0 }).IsValid);
    }

    private static ExtendedServiceEntry Service(string code, string unit, decimal price) => new()
    {
        Code = code, Name = code, NameEn = code, Unit = unit, UnitEn = unit, Description = "", LegalBasis = "测试依据", Price = price,
    };
}
