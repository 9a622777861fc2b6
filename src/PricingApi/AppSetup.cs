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
using PricingApi.Profiles;
using PricingApi.Publishing;
using PricingApi.Publishing.Signing;
using PricingApi.Quotes;
using PricingApi.Regulator;
using PricingApi.Seeding;
using PricingApi.ServiceArea;
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

        // The city profile (Utility:Profile) first, then whatever the Utility section sets.
        services.AddOptions<UtilityOptions>().Configure<IConfiguration>((o, c) => CityProfiles.For(c).Utility(o))
            .Bind(configuration.GetSection(UtilityOptions.Section));
        services.AddCityProfile();
        services.Configure<PricingOptions>(configuration.GetSection(PricingOptions.Section));
        services.Configure<FeeListOptions>(configuration.GetSection(FeeListOptions.Section));
        // The city profile's seed catalog unless Seed:Path names another.
        services.AddOptions<SeedOptions>().Configure<IConfiguration>((o, c) => o.Path = SeedOptions.Shipped(CityProfiles.For(c).SeedCatalogFile))
            .Bind(configuration.GetSection(SeedOptions.Section));
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
        services.Configure<CacheOptions>(configuration.GetSection(CacheOptions.Section));
        services.AddSingleton<RenderedBytes>();
        services.AddSingleton<IValidator<ChargesPaging>, ChargesPagingValidator>();
        services.AddSingleton<IValidator<ChargesRange>, ChargesRangeValidator>();
        services.AddSingleton<FeeListStore>();
        services.AddSingleton<FeeListFiles>();
        services.AddSingleton<FeePages>();
        services.AddPublicCors();
        services.AddScoped<FeeListPublisher>();
        services.AddPublishingGovernance(configuration);
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
        // The client's address from a configured proxy's X-Forwarded-For, for everything after it (off by default).
        app.UseProxySupport();
        // First, before even the request id's log scope: the public fee list answered from memory (see FeeListFastPath).
        app.UseFeeListFastPath();
        // A body still uploading at SIGTERM is read to its end within the shutdown grace period, not failed.
        app.UseShutdownTolerantBodies();
        app.UseRequestId();
        app.UseRequestLog();
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
        app.MapSignatures();
        app.MapFeeListFeed();
        app.MapRegulator();
        app.MapConnections();
        app.MapServiceArea();
        app.MapQuotes();
        return app;
    }

    /// <summary>Migrates, then seeds an empty database (unless <c>Seed:Enabled</c> is false) and records changed rule settings.</summary>
    public static async Task InitialiseDatabaseAsync(this IServiceProvider services, bool seed, CancellationToken ct = default)
    {
        await DatabaseSetup.MigrateAsync(services, ct);
        if (seed)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Seeder>().SeedIfEmptyAsync(ct);
            await RuleConfiguration.RecordAsync(services, ct);
            await UnsignedVersions.SignAsync(services, ct);
        }
    }

    private static CostProfitCap CapFrom(PricingOptions options) =>
        options.CostProfitCap is >= 0m and <= 1m
            ? new CostProfitCap(options.CostProfitCap)
            : throw new OptionsValidationException(PricingOptions.Section, typeof(PricingOptions),
                [$"Pricing:CostProfitCap must be a fraction between 0 and 1 (0.10 for 10%); it is {options.CostProfitCap}."]);
}
