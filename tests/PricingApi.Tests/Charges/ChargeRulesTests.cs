using PricingApi.FeeList;
using PricingApi.Quotes;
using PricingApi.Regulator;

namespace PricingApi.Tests.Charges;

/// <summary>The pricing of a charge and the regulator's check of it, as plain rules.</summary>
public class ChargeRulesTests
{
    private static QuoteLine Quoted(string code, string unit, decimal quantity, decimal unitPrice) => new()
    {
        ServiceCode = code, Name = code, NameEn = code, Unit = unit, UnitEn = unit, LegalBasis = "—", Quantity = quantity, UnitPrice = unitPrice,
        LineTotal = unitPrice * quantity,
    };

    private static FeeListDocument List(int version, params (string Code, decimal Price)[] prices) => new()
    {
        Version = version, Publisher = "p", ServicePhone = "s", SupervisionPhone = "12315", BasicServices = [],
        ExtendedServices = prices.Select(p => new ExtendedServiceEntry
        {
            Code = p.Code, Name = p.Code, NameEn = p.Code, Unit = "次", UnitEn = "visit", Description = "", LegalBasis = "—", Price = p.Price,
        }).ToList(),
    };

    [Fact]
    public void EachUnitPriceIsTheLowerOfQuotedAndCurrentWithTheVersionItCameFrom()
    {
        var quoted = new[] { Quoted("A", "次", 1m, 100.00m), Quoted("B", "次", 1m, 100.00m), Quoted("C", "次", 1m, 100.00m), Quoted("D", "次", 1m, 100.00m) };
        var current = List(5, ("A", 99.99m), ("B", 100.01m), ("C", 100.00m));

        var (lines, refusals) = ChargeRules.Price(quoted, 3, current, [("A", 1m), ("B", 1m), ("C", 1m), ("D", 1m)], 20);

        Assert.Empty(refusals);
        Assert.Equal([99.99m, 100.00m, 100.00m, 100.00m], lines.Select(l => l.UnitPrice));
        Assert.Equal([5, 3, 3, 3], lines.Select(l => l.FeeListVersion));
        Assert.Equal([99.99m, 100.01m, 100.00m, null], lines.Select(l => l.ListUnitPrice));
        Assert.Equal(399.99m, ChargeRules.Total(lines));
    }

    /// <summary>A unit changed between quote and completion (百米 → 米) is no price cut: 6.36 a 米 was charged for 636.00 a 百米, a hundredth of the work's price.</summary>
    [Fact]
    public void AServiceNowListedInAnotherUnitIsChargedAtItsQuotedPrice()
    {
        var quoted = new[] { Quoted("P", "百米", 1.5m, 636.00m) };
        var current = InUnit(List(5, ("P", 6.36m)), "米");

        var (lines, refusals) = ChargeRules.Price(quoted, 3, current, [("P", 1.5m)], 20);

        Assert.Empty(refusals);
        var line = Assert.Single(lines);
        Assert.Equal(636.00m, line.UnitPrice);
        Assert.Equal(954.00m, line.LineTotal);
        Assert.Equal(3, line.FeeListVersion);
        Assert.Null(line.ListUnitPrice);

        // The regulator's check compares it with the price it was quoted from, not with the price of a metre.
        var check = ChargeCompliance.Check("Q", 3, DateTimeOffset.UnixEpoch,
            new ChargeLineResponse { ServiceCode = "P", Quantity = 1.5m, UnitPrice = 636.00m, LineTotal = 954.00m, QuotedUnitPrice = 636.00m, FeeListVersion = 3 },
            InUnit(List(3, ("P", 636.00m)), "百米"), current);
        Assert.False(check.AboveList);
        Assert.Null(check.ListPriceWhenCharged);
    }

    private static FeeListDocument InUnit(FeeListDocument list, string unit) => new()
    {
        Version = list.Version, Publisher = list.Publisher, ServicePhone = list.ServicePhone, SupervisionPhone = list.SupervisionPhone, BasicServices = [],
        ExtendedServices = list.ExtendedServices.Select(s => new ExtendedServiceEntry
        {
            Code = s.Code, Name = s.Name, NameEn = s.NameEn, Unit = unit, UnitEn = unit, Description = "", LegalBasis = "—", Price = s.Price,
        }).ToList(),
    };

    [Theory]
    [InlineData(2, 20, 2.4)]
    [InlineData(1.5, 20, 1.8)]
    [InlineData(0.33, 20, 0.39)]
    [InlineData(2, 0, 2)]
    public void TheMostAMeasuredQuantityMayReachIsTheQuotePlusTheToleranceRoundedDown(decimal quoted, int percent, decimal highest) =>
        Assert.Equal(highest, ChargeRules.Highest(quoted, percent));

    [Fact]
    public void AMeasuredQuantityAtTheToleranceIsChargedAndJustBeyondItIsRefused()
    {
        var quoted = new[] { Quoted("P", "百米", 2m, 699.60m) };
        var list = List(1, ("P", 699.60m));

        var (atLimit, none) = ChargeRules.Price(quoted, 1, list, [("P", 2.4m)], 20);
        var (_, beyond) = ChargeRules.Price(quoted, 1, list, [("P", 2.41m)], 20);

        Assert.Empty(none);
        Assert.Equal(1679.04m, atLimit.Single().LineTotal);
        Assert.Single(beyond);
    }

    [Fact]
    public void ComplianceFlagsALineAboveEitherListPrice()
    {
        var whenQuoted = List(1, ("A", 100.00m));
        var whenCharged = List(2, ("A", 90.00m));
        ChargeLineResponse Line(decimal price) => new() { ServiceCode = "A", Quantity = 1m, UnitPrice = price, LineTotal = price, QuotedUnitPrice = 100.00m, FeeListVersion = 1 };

        var cut = ChargeCompliance.Check("Q", 1, DateTimeOffset.UnixEpoch, Line(90.00m), whenQuoted, whenCharged);
        var notPassedOn = ChargeCompliance.Check("Q", 1, DateTimeOffset.UnixEpoch, Line(100.00m), whenQuoted, whenCharged);
        var aboveQuote = ChargeCompliance.Check("Q", 1, DateTimeOffset.UnixEpoch, Line(100.01m), whenQuoted, List(2, ("A", 120.00m)));
        var report = ChargeCompliance.Summarise([cut, notPassedOn, aboveQuote]);

        Assert.False(cut.AboveList);
        Assert.True(notPassedOn.AboveList);
        Assert.True(aboveQuote.AboveList);
        Assert.Equal(3, report.LinesChecked);
        Assert.Equal(290.01m, report.AmountChecked);
        Assert.Equal(2, report.LinesAboveList);
        Assert.False(report.Complies);
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧*")] // one star whatever the length: the length would narrow the name down
    [InlineData("张三（13987654321）", "张*")]
    [InlineData("John Smith", "J*")]
    [InlineData("王", "*")] // a one-character name is its first character: nothing of it shows
    [InlineData("", "")]
    [InlineData("\U00020000\U00020001", "\U00020000*")] // CJK Extension B: two UTF-16 units each, one character
    [InlineData("\U00020000", "*")]
    [InlineData("e\u0301mile", "e\u0301*")] // a letter with its combining accent is one character
    public void NamesShowOnlyTheirFirstCharacterAndOneStar(string name, string masked) => Assert.Equal(masked, Masking.Name(name));

    [Theory]
    [InlineData("13812340000", "138****0000")]
    [InlineData("0871-63123456", "087******3456")]
    [InlineData("6312345", "*****45")]
    public void PhonesKeepOnlyTheirFirstThreeAndLastFourDigits(string phone, string masked) => Assert.Equal(masked, Masking.Phone(phone));
}
