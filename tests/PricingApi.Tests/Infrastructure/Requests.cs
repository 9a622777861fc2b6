namespace PricingApi.Tests.Infrastructure;

/// <summary>Request bodies as a client writes them (anonymous objects, so tests can also omit or break fields).</summary>
public static class Requests
{
    /// <summary>An extended service whose whole cost is materials, so the cap arithmetic is easy to read.</summary>
    public static Dictionary<string, object?> Extended(string code, decimal cost = 100.00m, decimal priceExcludingTax = 110.00m, decimal vatRate = 0.06m) => new()
    {
        ["code"] = code,
        ["kind"] = "extended",
        ["category"] = "cleaning",
        // Named by its code: two services of one name and unit cannot be published side by side.
        ["name"] = $"测试清洗 {code}",
        ["nameEn"] = "Test cleaning",
        ["unit"] = "次",
        ["unitEn"] = "per visit",
        ["description"] = "测试用项目。",
        ["costBasis"] = new Dictionary<string, object?> { ["materials"] = cost, ["labour"] = 0m, ["machinery"] = 0m, ["other"] = 0m, ["overhead"] = 0m },
        ["priceExcludingTax"] = priceExcludingTax,
        ["vatRate"] = vatRate,
        ["pricingForm"] = "market-regulated",
        ["legalBasis"] = "kunming-2022-1/3.9",
    };

    public static Dictionary<string, object?> Basic(string code, string paidBy = "utility") => new()
    {
        ["code"] = code,
        ["kind"] = "basic",
        ["name"] = "测试基础服务",
        ["nameEn"] = "Test basic service",
        ["description"] = "免费。",
        ["paidBy"] = paidBy,
        ["legalBasis"] = "gbh-2020-129/water-connection",
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> body, string field, object? value)
    {
        var copy = new Dictionary<string, object?>(body) { [field] = value };
        return copy;
    }

    public static Dictionary<string, object?> Without(this Dictionary<string, object?> body, string field)
    {
        var copy = new Dictionary<string, object?>(body);
        copy.Remove(field);
        return copy;
    }
}
