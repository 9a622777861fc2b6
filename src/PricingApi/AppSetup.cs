using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PricingApi.ApiKeys;
using PricingApi.Audit;
using PricingApi.Catalog;
using PricingApi.Connections;
using PricingApi.Data;
using PricingApi.FeeList;
using PricingApi.FeePage;
using PricingApi.LegalBases;
using PricingApi.Http;
using PricingApi.Operations;
using PricingApi.Pricing;
using PricingApi.Publishing;
using PricingApi.Quotes;
using PricingApi.Regulator;
using PricingApi.Seeding;
using PricingApi.Utility;

namespace PricingApi;

/// <summary>Wires the features together: services in <see cref="AddPricingApi"/>, pipeline and routes in <see cref="UsePricingApi"/>.</summary>
public static class AppSetup
{
    public static WebApplicationBuilder AddPricingApi(this WebApplicationBuilder builder)
    {
        builder.AddRequestLimits();
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.Configure<UtilityOptions>(configuration.GetSection(UtilityOptions.Section));
        services.Configure<PricingOptions>(configuration.GetSection(PricingOptions.Section));
        services.Configure<FeeListOptions>(configuration.GetSection(FeeListOptions.Section));
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<UtilityClock>();
        services.AddSingleton(sp => CapFrom(sp.GetRequiredService<IOptions<PricingOptions>>().Value));

        services.AddHttpPlatform(configuration);
        services.AddOperations();
        services.AddPricingDatabase();
        services.AddSingleton<WriteGate>();
        services.AddScoped<AuditLog>();
        services.AddLegalBases();
        services.AddSingleton<IValidator<ServiceRequest>, ServiceRequestValidator>();
        services.AddSingleton<IValidator<AuditQuery>, AuditQueryValidator>();
        services.AddSingleton<FeeListStore>();
        services.AddSingleton<FeeListFiles>();
        services.AddSingleton<FeePages>();
        services.AddPublicCors();
        services.AddScoped<FeeListPublisher>();
        services.AddScoped<Seeder>();
        services.AddConnectionAssessment();
        services.AddQuotes(configuration);

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        services.Configure<ApiKeyOptions>(configuration.GetSection(ApiKeyOptions.Section));
        services.AddSingleton<ApiKeyCache>();
        return builder;
    }

    public static WebApplication UsePricingApi(this WebApplication app)
    {
        // First, before even the request id's log scope: the public fee list answered from memory (see FeeListFastPath).
        app.UseFeeListFastPath();
        app.UseRequestId();
        app.UseHttpPlatform();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOperations();
        app.MapFeeList().RequireCors(PublicCors.Policy);
        app.MapFeeListDownloads();
        app.MapFeePage();
        app.MapCatalog();
        app.MapLegalBases();
        app.MapPublishing();
        app.MapRegulator();
        app.MapConnections();
        app.MapQuotes();
        return app;
    }

    /// <summary>Migrates, then seeds an empty database (unless <c>Seed:Enabled</c> is false).</summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, bool seed, CancellationToken ct = default)
    {
        await DatabaseSetup.MigrateAsync(services, ct);
        if (seed)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Seeder>().SeedIfEmptyAsync(ct);
        }
    }

    private static CostProfitCap CapFrom(PricingOptions options) =>
        options.CostProfitCap is >= 0m and <= 1m
            ? new CostProfitCap(options.CostProfitCap)
            : throw new OptionsValidationException(PricingOptions.Section, typeof(PricingOptions),
                [$"Pricing:CostProfitCap must be a fraction between 0 and 1 (0.10 for 10%); it is {options.CostProfitCap}."]);
}
