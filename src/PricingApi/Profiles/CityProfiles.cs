using PricingApi.LegalBases;
using PricingApi.Connections;
using PricingApi.Providers;
using PricingApi.ServiceArea;
using PricingApi.Utility;
using PricingApi.Configuration;

namespace PricingApi.Profiles;

/// <summary>
/// A city's defaults, chosen by the one setting <c>Utility:Profile</c> (kunming by default, or changchun): who
/// publishes, where extended services are offered, which companies provide them, and the connection-assessment
/// rules, the catalog an empty database is seeded from (a file in seed/) and the part of the register of legal bases
/// that applies (the profile of the same id in seed/legal-bases.json). Each is a starting point that the sections
/// Utility, ServiceArea, Providers, Connections, Seed:Path and LegalBases:Profile override.
/// </summary>
public sealed record CityProfile(
    string Id,
    Action<UtilityOptions> Utility,
    Action<ServiceAreaOptions> Area,
    Action<ProvidersOptions> Providers,
    Action<ConnectionOptions> Connections,
    string SeedCatalogFile);

public static class CityProfiles
{
    public const string Setting = "Utility:Profile";

    public static readonly IReadOnlyList<CityProfile> All = [KunmingProfile.Profile, ChangchunProfile.Profile];

    public static CityProfile For(IConfiguration configuration) => For(configuration[Setting]);

    public static CityProfile For(string? id) =>
        string.IsNullOrWhiteSpace(id) ? KunmingProfile.Profile
        : All.FirstOrDefault(p => string.Equals(p.Id, id.Trim(), StringComparison.OrdinalIgnoreCase))
          ?? throw new InvalidOperationException($"{Setting} is '{id}'; it must be one of: {string.Join(", ", All.Select(p => p.Id))}.");

    /// <summary>The area, providers and the profile's share of the utility and connection options, each section overriding its profile.</summary>
    public static IServiceCollection AddCityProfile(this IServiceCollection services)
    {
        services.AddOptions<ServiceAreaOptions>()
            .Configure<IConfiguration>((area, configuration) => FromSectionOrProfile(configuration, ServiceAreaOptions.Section, area, For(configuration).Area))
            .ValidateAtStart();
        services.AddOptions<ProvidersOptions>()
            .Configure<IConfiguration>((providers, configuration) => FromSectionOrProfile(configuration, ProvidersOptions.Section, providers, For(configuration).Providers))
            .ValidateAtStart();
        // The profile's connection rules first: the Connections section, bound by the feature, overrides them key by key.
        services.AddOptions<ConnectionOptions>().Configure<IConfiguration>((connections, configuration) => For(configuration).Connections(connections));
        // The profile's part of the register of legal bases; LegalBases:Profile, bound by the feature, only to name another.
        services.AddOptions<LegalBasisOptions>().Configure<IConfiguration>((register, configuration) => register.Profile = For(configuration).Id);
        return services;
    }

    /// <summary>
    /// A configured section replaces the profile's value whole: a list of districts or companies merged item by item
    /// with the profile's would keep streets or companies the configuration meant to drop.
    /// </summary>
    private static void FromSectionOrProfile<T>(IConfiguration configuration, string section, T options, Action<T> profile)
    {
        var configured = configuration.GetSection(section);
        if (configured.Exists())
        {
            configured.Bind(options);
        }
        else
        {
            profile(options);
        }
    }
}
