using PricingApi.FeeList;
using PricingApi.Pricing;
using PricingApi.Regulator;

namespace PricingApi.Tests.Regulator;

public class ComplianceReportTests
{
    [Fact]
    public void AServiceOneFenOverTheCapBreaksItAndTheListDoesNotComply()
    {
        var report = ComplianceReport.For(Document(0.10m, Service("EXT-OK", 10.01m, 11.01m), Service("EXT-OVER", 10.01m, 11.02m)), "abc");

        Assert.False(report.Compliant);
        Assert.Equal(1, report.BreachCount);
        var over = report.ExtendedServices.Single(l => l.Code == "EXT-OVER");
        Assert.False(over.WithinCap);
        Assert.Equal(11.01m, over.HighestAllowedPrice);
        Assert.Equal(0.100899m, over.CostProfitRatio); // 1.01 ÷ 10.01 = 0.1008991…
        Assert.True(report.ExtendedServices.Single(l => l.Code == "EXT-OK").WithinCap);
    }

    [Fact]
    public void TheVerdictUsesTheExactCapNotTheRoundedRatio()
    {
        // 11.011 is exactly the cap for cost 10.01; a price of 11.0111 would round to a ratio of 0.100010 either way,
        // so only an exact comparison separates "at the cap" from "above it".
        var report = ComplianceReport.For(Document(0.10m, Service("EXT-EXACT", 10.01m, 11.011m), Service("EXT-ABOVE", 10.01m, 11.0111m)), "abc");

        Assert.True(report.ExtendedServices.Single(l => l.Code == "EXT-EXACT").WithinCap);
        Assert.False(report.ExtendedServices.Single(l => l.Code == "EXT-ABOVE").WithinCap);
    }

    [Fact]
    public void CostIsRecomputedFromTheItemisedBasisNotTakenFromTheStoredFigure()
    {
        var tampered = Service("EXT-T", 100.00m, 110.00m, storedCost: 200.00m);

        var line = ComplianceReport.For(Document(0.10m, tampered), "abc").ExtendedServices.Single();

        Assert.Equal(100.00m, line.Cost);
        Assert.Equal(0.100000m, line.CostProfitRatio);
        Assert.True(line.WithinCap);
    }

    [Fact]
    public void TheDocumentsOwnCapIsTheOneApplied()
    {
        var report = ComplianceReport.For(Document(0.05m, Service("EXT-9PCT", 100.00m, 109.00m)), "abc");

        Assert.Equal(0.05m, report.CostProfitCap);
        Assert.False(report.Compliant);
        Assert.Equal(105.00m, report.ExtendedServices.Single().HighestAllowedPrice);
    }

    private static CostedFeeListDocument Document(decimal cap, params CostedExtendedServiceEntry[] services) => new()
    {
        Version = 3,
        PublishedBy = "test",
        CostProfitCap = cap,
        Publisher = "p",
        ServicePhone = "s",
        SupervisionPhone = "12315",
        BasicServices = [],
        ExtendedServices = services,
    };

    private static CostedExtendedServiceEntry Service(string code, decimal cost, decimal priceExcludingTax, decimal? storedCost = null) => new()
    {
        Code = code,
        Name = code,
        NameEn = code,
        Unit = "次",
        UnitEn = "per visit",
        Description = "d",
        LegalBasis = "l",
        PriceExcludingTax = priceExcludingTax,
        CostBasis = new CostBasis(cost, 0m, 0m, 0m, 0m),
        Cost = storedCost ?? cost,
    };
}
