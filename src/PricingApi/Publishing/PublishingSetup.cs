using PricingApi.Publishing.Signing;
using PricingApi.Configuration;

namespace PricingApi.Publishing;

public static class PublishingSetup
{
    /// <summary>Publishing's governance: limits, withdrawal, four-eyes approval, signing keys, recorded rule settings.</summary>
    public static IServiceCollection AddPublishingGovernance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<PublishingOptions>(PublishingOptions.Section);
        services.AddSingleton<SigningKeys>();
        services.AddScoped<FeeListWithdrawer>();
        services.AddScoped<PublicationProposer>();
        services.AddRuleSettings();
        return services;
    }
}
