using System.Globalization;
using PricingApi.Pricing;

namespace PricingApi.Tests.Pricing;

public class PricedServiceTests
{
    private static readonly CostProfitCap TenPercent = new(0.10m);

    [Fact]
    public void AllFiguresComeFromTheCostBasisPriceVatAndCap()
    {
        var priced = new PricedService(new CostBasis(5.00m, 3.00m, 1.00m, 0.51m, 0.50m), 11.01m, 0.06m, TenPercent);

        Assert.Equal(10.01m, priced.Cost);
        Assert.Equal(11.67m, priced.Price); // 11.01 × 1.06 = 11.6706
        Assert.Equal(0.099900m, priced.CostProfitRatio);
        Assert.Equal(11.01m, priced.HighestAllowedPrice);
        Assert.True(priced.WithinCap);
    }

    [Fact]
    public void OneFenAboveTheHighestAllowedPriceIsOutsideTheCap()
    {
        var priced = new PricedService(new CostBasis(10.01m, 0m, 0m, 0m, 0m), 11.02m, 0.09m, TenPercent);

        Assert.False(priced.WithinCap);
        Assert.Equal(11.01m, priced.HighestAllowedPrice);
    }

    [Fact]
    public void FiguresAreWrittenAsTheContractWritesThemWhateverScaleTheDatabaseReturned()
    {
        // SQLite hands back 900.0 and 0.0600; the API writes 900.00 and 0.06.
        var priced = new PricedService(new CostBasis(120.0m, 500m, 80.0m, 60m, 60.0m), 900.0m, 0.0600m, TenPercent);

        Assert.Equal("900.00", priced.PriceExcludingTax.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.06", priced.VatRate.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("954.00", priced.Price.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("120.00", priced.CostBasis.Materials.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("820.00", priced.Cost.ToString(CultureInfo.InvariantCulture));
    }
}
