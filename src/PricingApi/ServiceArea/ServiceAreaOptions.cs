namespace PricingApi.ServiceArea;

/// <summary>
/// Where extended services are offered (section <c>ServiceArea</c>): districts, each whole or partial (then with the
/// streets 街道/乡镇 inside the area), the districts excluded outright, and the development zones that are not districts.
/// Absent from configuration, the city profile's area applies (<see cref="Profiles.CityProfiles"/>).
/// </summary>
public sealed class ServiceAreaOptions
{
    public const string Section = "ServiceArea";

    /// <summary>The area as the policy text words it, e.g. 主城区（不含呈贡区）三环范围内.</summary>
    public string Description { get; set; } = "";
    public string DescriptionEn { get; set; } = "";

    /// <summary>The city's name as people prefix it to a district (昆明市五华区); stripped before matching.</summary>
    public string City { get; set; } = "";

    /// <summary>The province likewise (云南省昆明市五华区).</summary>
    public string Province { get; set; } = "";

    /// <summary>False while the streets are a draft the utility has yet to confirm; the public list says so.</summary>
    public bool Confirmed { get; set; }

    /// <summary>What the public should know about the area beyond the list, e.g. that it is being confirmed.</summary>
    public string? Note { get; set; }

    public AreaDistrict[] Districts { get; set; } = [];

    /// <summary>Districts named as outside the area (不含呈贡区), so a refusal can say so in those words.</summary>
    public string[] Excluded { get; set; } = [];

    /// <summary>Development zones (经开区、高新区、度假区): administered apart from the districts, they are not a place in this area.</summary>
    public AreaZone[] Zones { get; set; } = [];
}

public sealed class AreaDistrict
{
    /// <summary>The full name, 五华区.</summary>
    public string Name { get; set; } = "";

    /// <summary>The whole district is inside; otherwise only <see cref="Streets"/>.</summary>
    public bool Whole { get; set; }

    /// <summary>For a partial district, the streets (街道) and towns (乡镇) inside the area, by full name.</summary>
    public string[] Streets { get; set; } = [];
}

public sealed class AreaZone
{
    public string Name { get; set; } = "";

    /// <summary>Other names people write for it (昆明经开区, 经济技术开发区).</summary>
    public string[] Aliases { get; set; } = [];
}
