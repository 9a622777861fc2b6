using FluentValidation;
using PricingApi.Publishing.Signing;

namespace PricingApi.Publishing;

public static class PublishingSetup
{
    /// <summary>Publishing's governance: limits, withdrawal, four-eyes approval, signing keys, recorded rule settings.</summary>
    public static IServiceCollection AddPublishingGovernance(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublishingOptions>(configuration.GetSection(PublishingOptions.Section));
        services.AddSingleton<SigningKeys>();
        services.AddScoped<FeeListWithdrawer>();
        services.AddScoped<PublicationProposer>();
        services.AddSingleton<IValidator<GovernanceEndpoints.WithdrawalRequest>, GovernanceEndpoints.WithdrawalRequestValidator>();
        services.AddRuleSettings();
        return services;
    }
}
