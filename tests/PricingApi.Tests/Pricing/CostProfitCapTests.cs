using PricingApi.Pricing;

namespace PricingApi.Tests.Pricing;

public class CostProfitCapTests
{
    private static readonly CostProfitCap TenPercent = new(0.10m);

    [Theory]
    [InlineData("10.01", "11.01", true)]   // 10.01 × 1.10 = 11.011
    [InlineData("10.01", "11.02", false)]
    [InlineData("820.00", "902.00", true)]  // exactly at the cap
    [InlineData("820.00", "902.01", false)]
    [InlineData("100.00", "100.00", true)]  // no profit is allowed
    [InlineData("100.00", "50.00", true)]   // below cost is the utility's choice, not a breach
    public void CapIsPriceExcludingTaxAtMostCostTimesOnePointOne(string cost, string price, bool allowed) =>
        Assert.Equal(allowed, TenPercent.Allows(decimal.Parse(cost), decimal.Parse(price)));

    [Theory]
    [InlineData("10.01", "11.01")]
    [InlineData("820.00", "902.00")]
    [InlineData("0.01", "0.01")]   // 0.011 rounds down: a fen more would break the cap
    [InlineData("33.33", "36.66")] // 36.663
    public void HighestAllowedPriceIsTheCapRoundedDownToTheFen(string cost, string highest) =>
        Assert.Equal(decimal.Parse(highest), TenPercent.HighestAllowedPrice(decimal.Parse(cost)));

    [Fact]
    public void HighestAllowedPriceIsItselfAllowedAndOneFenMoreIsNot()
    {
        foreach (var cost in new[] { 0.01m, 10.01m, 33.33m, 99.99m, 1234.57m, 7700.00m })
        {
            var highest = TenPercent.HighestAllowedPrice(cost);
            Assert.True(TenPercent.Allows(cost, highest));
            Assert.False(TenPercent.Allows(cost, highest + 0.01m));
        }
    }

    [Fact]
    public void TheCapIsAPolicyParameter()
    {
        var fivePercent = new CostProfitCap(0.05m);
        Assert.True(fivePercent.Allows(100m, 105m));
        Assert.False(fivePercent.Allows(100m, 105.01m));
        Assert.Equal(105.00m, fivePercent.HighestAllowedPrice(100m));
    }

    [Theory]
    [InlineData("820.00", "900.00", "0.097561")]
    [InlineData("100.00", "110.00", "0.100000")]
    [InlineData("10.01", "11.01", "0.099900")]
    public void RatioIsProfitOverCost(string cost, string price, string ratio) =>
        Assert.Equal(decimal.Parse(ratio), CostProfitCap.Ratio(decimal.Parse(cost), decimal.Parse(price)));

    [Fact]
    public void CostIsTheSumOfItsParts() =>
        Assert.Equal(820.00m, new CostBasis(120m, 500m, 80m, 60m, 60m).Total);
}
