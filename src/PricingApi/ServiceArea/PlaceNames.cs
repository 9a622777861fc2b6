namespace PricingApi.ServiceArea;

/// <summary>
/// Place names as people write them: 五华, 五华区, 昆明市五华区 and 云南省昆明市五华区 are one district; 华山 and
/// 华山街道 one street. Names are compared on their stem, without spaces, province, city and the administrative suffix.
/// </summary>
public static class PlaceNames
{
    private static readonly string[] DistrictSuffixes = ["区", "县", "市"];
    private static readonly string[] StreetSuffixes = ["街道办事处", "街道办", "街道", "办事处", "镇", "乡"];

    public static string DistrictStem(string name, ServiceAreaOptions area)
    {
        var s = Compact(name);
        foreach (var prefix in new[] { area.Province, Without(area.Province, "省"), area.City, Without(area.City, "市") })
        {
            if (prefix.Length > 0 && s.StartsWith(prefix, StringComparison.Ordinal) && s.Length > prefix.Length)
            {
                s = s[prefix.Length..];
            }
        }

        return Stem(s, DistrictSuffixes);
    }

    public static string StreetStem(string name) => Stem(Compact(name), StreetSuffixes);

    /// <summary>The configured name whose stem matches, or null.</summary>
    public static string? Match(string stem, IEnumerable<string> names, Func<string, string> stemOf) =>
        stem.Length == 0 ? null : names.FirstOrDefault(n => stemOf(n) == stem);

    private static string Stem(string s, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            // Keep at least two characters: 东川区 → 东川, but a one-character stem would match too much.
            if (s.EndsWith(suffix, StringComparison.Ordinal) && s.Length - suffix.Length >= 2)
            {
                return s[..^suffix.Length];
            }
        }

        return s;
    }

    private static string Compact(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c)));

    private static string Without(string name, string suffix) =>
        name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : name;
}
