using PricingApi.Pricing;

namespace PricingApi.Connections;

/// <summary>
/// Who buys and installs the trade-settlement meter (Changchun 四(一)1 零成本): the utility, never the customer;
/// except inside the red line of a new commercial or affordable housing development, where the meter is part
/// of the development's construction cost and the developer pays.
/// </summary>
public static class MeterPayerRule
{
    public static PaidBy PaidBy(HousingDevelopment? development) =>
        development is null ? Pricing.PaidBy.Utility : Pricing.PaidBy.Developer;
}
