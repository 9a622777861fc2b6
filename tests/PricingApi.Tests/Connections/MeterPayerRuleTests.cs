using PricingApi.Connections;
using PricingApi.Pricing;

namespace PricingApi.Tests.Connections;

public class MeterPayerRuleTests
{
    [Fact]
    public void UtilityPaysForTheMeterOutsideAnyDevelopment() =>
        Assert.Equal(PaidBy.Utility, MeterPayerRule.PaidBy(null));

    [Theory]
    [InlineData(HousingDevelopment.CommercialHousing)]
    [InlineData(HousingDevelopment.AffordableHousing)]
    public void DeveloperPaysForTheMeterInsideTheRedLineOfNewHousing(HousingDevelopment development) =>
        Assert.Equal(PaidBy.Developer, MeterPayerRule.PaidBy(development));
}
