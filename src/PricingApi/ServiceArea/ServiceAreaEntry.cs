namespace PricingApi.ServiceArea;

/// <summary>
/// The area as published: served by <c>GET /api/service-area</c> and frozen into each fee-list version, so a list
/// always says where the prices it shows are offered.
/// </summary>
public sealed record ServiceAreaEntry
{
    public required string Description { get; init; }
    public required string DescriptionEn { get; init; }
    /// <summary>False while the utility has yet to confirm the streets; <see cref="Note"/> then says so.</summary>
    public bool Confirmed { get; init; }
    public string? Note { get; init; }
    public required IReadOnlyList<ServiceAreaDistrictEntry> Districts { get; init; }
    public required IReadOnlyList<string> Excluded { get; init; }
    /// <summary>Development zones: not districts, so an address is placed by the district and street it lies in.</summary>
    public IReadOnlyList<string> DevelopmentZones { get; init; } = [];

    public static ServiceAreaEntry From(ServiceAreaOptions area) => new()
    {
        Description = area.Description,
        DescriptionEn = area.DescriptionEn,
        Confirmed = area.Confirmed,
        Note = string.IsNullOrWhiteSpace(area.Note) ? null : area.Note,
        Districts = area.Districts.Select(d => new ServiceAreaDistrictEntry(d.Name, d.Whole, d.Whole ? [] : d.Streets)).ToList(),
        Excluded = area.Excluded,
        DevelopmentZones = area.Zones.Select(z => z.Name).ToList(),
    };

    /// <summary>The area in one Chinese sentence: 五华区（华山街道、护国街道）、盘龙区全域；不含呈贡区.</summary>
    public string Summary() =>
        string.Join("、", Districts.Select(d => d.Whole ? $"{d.Name}全域" : $"{d.Name}（{string.Join("、", d.Streets)}）"))
        + (Excluded.Count > 0 ? $"；不含{string.Join("、", Excluded)}" : "");

    /// <summary>The same in English, street names left in Chinese as they appear on addresses.</summary>
    public string SummaryEn() =>
        string.Join("; ", Districts.Select(d => d.Whole ? $"{d.Name} (whole district)" : $"{d.Name} ({string.Join("、", d.Streets)})"))
        + (Excluded.Count > 0 ? $"; not {string.Join(", ", Excluded)}" : "");
}

public sealed record ServiceAreaDistrictEntry(string Name, bool Whole, IReadOnlyList<string> Streets);
