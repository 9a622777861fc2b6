using Microsoft.Extensions.Options;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Configuration;

/// <summary>Every checked setting stops the start with the setting named, the same way, whatever feature owns it.</summary>
public class SettingsValidationTests
{
    [Theory]
    [InlineData("Pricing:CostProfitCap", "10", "Pricing:CostProfitCap (a fraction: 0.10 for 10%) must be between 0 and 1; it is 10.")]
    [InlineData("Pricing:VatRates:0", "6", "Pricing:VatRates (each a fraction: 0.06 for 6%) must be between 0 and 0.99; it is 6.")]
    [InlineData("FeeList:MaxAgeSeconds", "-1", "FeeList:MaxAgeSeconds must be between 0 and 31536000; it is -1.")]
    [InlineData("FeeList:RefreshSeconds", "-1", "FeeList:RefreshSeconds must be between 0 and 3600; it is -1.")]
    [InlineData("FeeList:PublicUrl", "fees.example.cn", "FeeList:PublicUrl has 'fees.example.cn', which is not an absolute http(s) address without a query, e.g. https://fees.example.cn.")]
    [InlineData("Quotes:ValidityDays", "0", "Quotes:ValidityDays must be between 1 and 366; it is 0.")]
    [InlineData("Quotes:CompletionTolerancePercent", "120", "Quotes:CompletionTolerancePercent must be between 0 and 100; it is 120.")]
    [InlineData("Publishing:MaxScheduleDays", "0", "Publishing:MaxScheduleDays must be between 1 and 3660; it is 0.")]
    [InlineData("Caches:VersionBytes", "0", "Caches:VersionBytes must be at least 1; it is 0.")]
    [InlineData("RateLimits:AnonymousPostsPerMinute", "0", "RateLimits:AnonymousPostsPerMinute must be at least 1; it is 0.")]
    [InlineData("Limits:MaxRequestBodyBytes", "10", "Limits:MaxRequestBodyBytes must be between 1024 and 1073741824; it is 10.")]
    [InlineData("ApiKeys:CacheSeconds", "-5", "ApiKeys:CacheSeconds must be between 0 and 3600; it is -5.")]
    [InlineData("Providers:Companies:0:QuotePrefix", "q1", "Providers:Companies")]
    [InlineData("Connections:FreeConnection:MaxMeterDiameterMm", "45", "Connections:FreeConnection:MaxMeterDiameterMm is 45")]
    public async Task ABadSettingStopsTheStartNamingIt(string setting, string value, string expected)
    {
        await using var app = new PricingApiFactory(seed: false, settings: new Dictionary<string, string?> { [setting] = value });

        var failure = Record.Exception(() => app.CreateAnonymousClient());

        // One failing section is an OptionsValidationException; several at once come wrapped together.
        var failures = failure is AggregateException all ? all.InnerExceptions : [failure!];
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        Assert.Contains(failures, f => f.Message.Contains(expected, StringComparison.Ordinal));
    }
}
