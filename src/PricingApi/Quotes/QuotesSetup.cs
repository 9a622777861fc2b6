using FluentValidation;

namespace PricingApi.Quotes;

public static class QuotesSetup
{
    /// <summary>The quote feature's services; bad <c>Quotes</c> options stop the start with the setting named.</summary>
    public static IServiceCollection AddQuotes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QuotesOptions>().Bind(configuration.GetSection(QuotesOptions.Section))
            .Validate(o => o.Problem() is null, "Quotes:ValidityDays must be 1 to 366, "
                + "Quotes:CompletionTolerancePercent must be 0 to 100, and Quotes:PersonalDataRetentionDays and PersonalDataSweepMinutes at least 1.")
            .ValidateOnStart();
        services.AddSingleton<IValidator<QuoteRequest>, QuoteRequestValidator>();
        services.AddSingleton<IValidator<QuoteQuery>, QuoteQueryValidator>();
        services.AddSingleton<IValidator<CompletionRequest>, CompletionRequestValidator>();
        services.AddScoped<QuoteIssuer>();
        // One instance: the endpoints queue to it, the host starts and stops its loop.
        services.AddSingleton<QuoteWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<QuoteWriter>());
        services.AddScoped<PersonalDataEraser>();
        services.AddHostedService<PersonalDataRetentionJob>();
        return services;
    }
}
