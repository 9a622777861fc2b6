using PricingApi.Configuration;

namespace PricingApi.Quotes;

public static class QuotesSetup
{
    /// <summary>The quote feature's services; bad <c>Quotes</c> options stop the start with the setting named.</summary>
    public static IServiceCollection AddQuotes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<QuotesOptions>(QuotesOptions.Section);
        services.AddScoped<QuoteIssuer>();
        // One instance: the endpoints queue to it, the host starts and stops its loop.
        services.AddSingleton<QuoteWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<QuoteWriter>());
        services.AddScoped<PersonalDataEraser>();
        services.AddHostedService<PersonalDataRetentionJob>();
        return services;
    }
}
