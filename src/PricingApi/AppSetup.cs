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
using PricingApi.Configuration;
using PricingApi.Caching;
using PricingApi.Security;
using PricingApi.OpenApi;

namespace PricingApi;

/// <summary>Wires the features together: services in <see cref="AddPricingApi"/>, pipeline and routes in <see cref="UsePricingApi"/>.</summary>
public static class AppSetup
{
    public static WebApplicationBuilder AddPricingApi(this WebApplicationBuilder builder)
    {
        builder.AddRequestLimits();
        builder.AddSocketScheduling();
        var services = builder.Services;
        var configuration = builder.Configuration;

        // The city profile (Utility:Profile) first, then whatever the Utility section sets.
        services.AddOptions<UtilityOptions>().Configure<IConfiguration>((o, c) => CityProfiles.For(c).Utility(o))
            .Bind(configuration.GetSection(UtilityOptions.Section));
        services.AddCityProfile();
        services.AddSettings<PricingOptions>(PricingOptions.Section);
        services.AddSettings<FeeListOptions>(FeeListOptions.Section);
        // The city profile's seed catalog unless Seed:Path names another.
        services.AddOptions<SeedOptions>().Configure<IConfiguration>((o, c) => o.Path = SeedOptions.Shipped(CityProfiles.For(c).SeedCatalogFile))
            .Bind(configuration.GetSection(SeedOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<UtilityClock>();
        services.AddSingleton(sp => new CostProfitCap(sp.GetRequiredService<IOptions<PricingOptions>>().Value.CostProfitCap));

        services.AddHttpPlatform();
        services.AddPricingOpenApi();
        services.AddRateLimits(configuration);
        services.AddProxySupport();
        services.AddOperations();
        services.AddPricingDatabase();
        services.AddSingleton<WriteGate>();
        services.AddScoped<AuditLog>();
        // Every request body and query string has one FluentValidation validator, run by ValidationFilter.
        services.AddValidatorsFromAssemblyContaining<Seeder>(ServiceLifetime.Singleton);
        services.AddLegalBases();
        services.AddSettings<CacheOptions>(CacheOptions.Section);
        services.AddSingleton<RenderedBytes>();
        services.AddSingleton<FeeListStore>();
        services.AddHostedService<StartupWarmup>();
        services.AddSingleton<FeeListFiles>();
        services.AddSingleton<RenderedCache<FeeListEndpoints.ChangesKey>>();
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
        services.AddSettings<ApiKeyOptions>(ApiKeyOptions.Section);
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<FailedKeyThrottle>();
        return builder;
    }

    /// <summary>The whole pipeline, outermost first, then every feature's routes.</summary>
    public static WebApplication UsePricingApi(this WebApplication app)
    {
        // The client's address from a configured proxy's X-Forwarded-For, for everything after it (off by default).
        app.UseProxySupport();
        // The access log: times every answer below and writes its final status.
        app.UseRequestLog();
        // X-Request-Id, the security headers (by the endpoint's policy) and private caching for keyed requests, set as
        // any response below starts, errors included.
        app.UseResponseHeaders();
        // Any failure below, the fast path's included, becomes a problem+json (in the language localization chose below).
        app.UseExceptionHandler();
        // The public fee list answered from memory, before the log scope and routing (see FeeListFastPath). Its answer
        // speaks no language and is never a bare status code, so localization and the status-code pages come after it.
        app.UseFeeListFastPath();
        // The request's language (Accept-Language; Chinese by default), for the problems below and the handlers above.
        app.UseRequestLocalization();
        // Bare status codes (an unknown route's 404, a 405) become problem+json too.
        app.UseStatusCodePages();
        // A body still uploading at SIGTERM is read to its end within the shutdown grace period, not failed.
        app.UseShutdownTolerantBodies();
        // The request id on every log line written from here on.
        app.UseRequestLogScope();
        // 413 for a declared oversize body, before anything reads it.
        app.UseRequestLimits();
        app.UseRouting();
        app.UsePricingSwaggerUI();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        var routes = app.MapGroup("").WithHeadOnPublicGets();
        // Public like the fee list (no key needed), and marked so: HEAD then answers with the document's headers.
        routes.MapOpenApi().AllowAnonymous();
        routes.MapOperations();
        routes.MapFeeList().RequireCors(PublicCors.Policy);
        routes.MapFeeListDownloads();
        routes.MapFeePage();
        routes.MapCatalog();
        routes.MapLegalBases();
        routes.MapPublishing();
        routes.MapSignatures();
        routes.MapFeeListFeed();
        routes.MapRegulator();
        routes.MapConnections();
        routes.MapServiceArea();
        routes.MapQuotes();
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
}
