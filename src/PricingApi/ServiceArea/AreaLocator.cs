using PricingApi.Http;
using FluentValidation;

namespace PricingApi.ServiceArea;

/// <summary>Where an address falls against the area: inside (under the configured names), or why not.</summary>
public abstract record AreaPlacement
{
    /// <summary>Inside; the names as configured, so a quote stores 五华区 whatever the clerk typed.</summary>
    public sealed record Inside(string District, string? Street) : AreaPlacement;
    /// <summary>Outside the area: a business rule (422).</summary>
    public sealed record Outside(ProblemText Reason) : AreaPlacement;
    /// <summary>The district is partial and no street was given: the request is incomplete (400 on the street).</summary>
    public sealed record StreetNeeded(ProblemText Reason) : AreaPlacement;
}

/// <summary>Places a district and street in the configured area. Plain C#, so the rules are unit-tested directly.</summary>
public static class AreaLocator
{
    public static AreaPlacement Place(string district, string? street, ServiceAreaOptions area)
    {
        var published = ServiceAreaEntry.From(area);
        var stem = PlaceNames.DistrictStem(district, area);
        string OfDistrict(string n) => PlaceNames.DistrictStem(n, area);

        if (PlaceNames.Match(stem, area.Districts.Select(d => d.Name), OfDistrict) is not { } name)
        {
            if (PlaceNames.Match(stem, area.Excluded, OfDistrict) is { } excluded)
            {
                return new AreaPlacement.Outside(ServiceAreaMessages.ExcludedDistrict(excluded, published));
            }

            var zone = area.Zones.FirstOrDefault(z => z.Aliases.Append(z.Name).Any(n => OfDistrict(n) == stem));
            return new AreaPlacement.Outside(zone is null
                ? ServiceAreaMessages.UnknownDistrict(district.Trim(), published)
                : ServiceAreaMessages.DevelopmentZone(zone.Name, published));
        }

        var configured = area.Districts.First(d => d.Name == name);
        var given = string.IsNullOrWhiteSpace(street) ? null : street.Trim();
        if (configured.Whole)
        {
            return new AreaPlacement.Inside(name, given);
        }

        if (given is null)
        {
            return new AreaPlacement.StreetNeeded(ServiceAreaMessages.StreetRequired(name, configured));
        }

        return PlaceNames.Match(PlaceNames.StreetStem(given), configured.Streets, PlaceNames.StreetStem) is { } inside
            ? new AreaPlacement.Inside(name, inside)
            : new AreaPlacement.Outside(ServiceAreaMessages.StreetOutside(name, given, configured, published));
    }

    /// <summary>Why an area cannot be used, or null: the service refuses to start on it.</summary>
    public static string? Problem(ServiceAreaOptions area)
    {
        if (string.IsNullOrWhiteSpace(area.Description) || area.Districts.Length == 0)
        {
            return "ServiceArea needs a Description and at least one district.";
        }

        var names = area.Districts.Select(d => d.Name).Concat(area.Excluded).Concat(area.Zones.SelectMany(z => z.Aliases.Append(z.Name))).ToList();
        if (names.Any(string.IsNullOrWhiteSpace))
        {
            return "ServiceArea: a district, exclusion or zone has an empty name.";
        }

        // A zone's aliases may share a stem (经开区, 昆明经开区); two places may not.
        var places = area.Districts.Select(d => new[] { d.Name }).Concat(area.Excluded.Select(e => new[] { e }))
            .Concat(area.Zones.Select(z => z.Aliases.Append(z.Name).ToArray()))
            .Select(place => place.Select(n => PlaceNames.DistrictStem(n, area)).Distinct().ToList()).ToList();
        if (places.SelectMany(stems => stems).Distinct().Count() != places.Sum(stems => stems.Count))
        {
            return "ServiceArea: two districts, exclusions or zones share a name (五华 and 五华区 are one name).";
        }

        return area.Districts.FirstOrDefault(d => !d.Whole && (d.Streets.Length == 0 || d.Streets.Any(string.IsNullOrWhiteSpace))) is { } bad
            ? $"ServiceArea: {bad.Name} is partial (Whole=false) and so needs its streets, none of them empty."
            : null;
    }
}

public sealed class ServiceAreaOptionsValidator : AbstractValidator<ServiceAreaOptions>
{
    public ServiceAreaOptionsValidator() =>
        RuleFor(area => area).Must(area => AreaLocator.Problem(area) is null).WithMessage(area => AreaLocator.Problem(area)!);
}
