using PricingApi.Connections;

namespace PricingApi.Tests.Connections;

public class FreeConnectionRuleTests
{
    private static readonly FreeConnectionOptions Kunming = new();

    [Theory]
    [InlineData(15, "0")]
    [InlineData(32, "199.99")]
    [InlineData(40, "200")]     // both bounds are inclusive
    [InlineData(40, "200.00")]
    [InlineData(20, "200")]
    public void ConnectionWithinBothBoundsIsFree(int dn, string length)
    {
        var outcome = FreeConnectionRule.Assess(dn, decimal.Parse(length), Kunming);

        Assert.True(outcome.Free);
        Assert.Empty(outcome.Exceeded);
    }

    [Theory]
    [InlineData(50, 10)]
    [InlineData(65, 25)]
    [InlineData(200, 160)]
    public void DiameterAboveDn40IsNotFreeAndSaysByHowMuch(int dn, int excessMm)
    {
        var outcome = FreeConnectionRule.Assess(dn, 200m, Kunming);

        Assert.False(outcome.Free);
        var bound = Assert.Single(outcome.Exceeded);
        Assert.Equal(ConnectionBound.MeterDiameter, bound.Bound);
        Assert.Equal(40m, bound.Limit);
        Assert.Equal(dn, bound.Actual);
        Assert.Equal(excessMm, bound.Excess);
        Assert.Equal("mm", bound.Unit);
    }

    [Theory]
    [InlineData("200.01", "0.01")]
    [InlineData("200.001", "0.001")]
    [InlineData("350", "150")]
    public void PipeLongerThan200MetresIsNotFreeAndSaysByHowMuch(string length, string excess)
    {
        var outcome = FreeConnectionRule.Assess(40, decimal.Parse(length), Kunming);

        Assert.False(outcome.Free);
        var bound = Assert.Single(outcome.Exceeded);
        Assert.Equal(ConnectionBound.ExternalPipeLength, bound.Bound);
        Assert.Equal(200m, bound.Limit);
        Assert.Equal(decimal.Parse(excess), bound.Excess);
        Assert.Equal("m", bound.Unit);
    }

    [Fact]
    public void BreakingBothBoundsNamesBoth()
    {
        var outcome = FreeConnectionRule.Assess(50, 200.01m, Kunming);

        Assert.False(outcome.Free);
        Assert.Equal([ConnectionBound.MeterDiameter, ConnectionBound.ExternalPipeLength], outcome.Exceeded.Select(e => e.Bound));
    }

    [Fact]
    public void TheBoundsArePolicyParameters()
    {
        var generous = new FreeConnectionOptions { MaxMeterDiameterMm = 50, MaxExternalPipeLengthM = 300m };

        Assert.True(FreeConnectionRule.Assess(50, 300m, generous).Free);
        Assert.False(FreeConnectionRule.Assess(65, 300m, generous).Free);
        Assert.False(FreeConnectionRule.Assess(50, 300.01m, generous).Free);
    }
}
