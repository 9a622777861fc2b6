using static PricingApi.Connections.ConnectionTerms;

namespace PricingApi.Connections;

/// <summary>
/// Non-residential categories as configured bands (<see cref="CategoryOptions.NonResidentialBands"/>): the first band
/// whose every criterion holds gives the category; otherwise the fallback, with what each band missed.
/// </summary>
public static class CategoryBands
{
    public static ProjectClassification Classify(int dn, decimal length, ProjectFacts p, IReadOnlyList<CategoryBand> bands, ProjectCategory otherwise)
    {
        var missedPerBand = new List<Bilingual>();
        foreach (var band in bands)
        {
            var missed = Misses(dn, length, p, band);
            var name = Name(band.Category);
            if (missed.Count == 0)
            {
                return new(band.Category, new($"符合{name.Zh}的条件，属于{name.Zh}。", $"It meets the criteria of a {name.En.ToLowerInvariant()}, so it is one."));
            }

            var why = Bilingual.Join(missed);
            missedPerBand.Add(new($"不符合{name.Zh}的条件（{why.Zh}）", $"not a {name.En.ToLowerInvariant()} ({why.En})"));
        }

        var fallback = Name(otherwise);
        var all = Bilingual.Join(missedPerBand);
        return new(otherwise, new($"{all.Zh}，属于{fallback.Zh}。", $"It is {all.En}, so it is a {fallback.En.ToLowerInvariant()}."));
    }

    private static List<Bilingual> Misses(int dn, decimal length, ProjectFacts p, CategoryBand band)
    {
        var missed = new List<Bilingual>();
        if (band.BuildingTypes.Length > 0 && (p.Building is not { } building || !band.BuildingTypes.Contains(building)))
        {
            missed.Add(new("建筑类型不符", "the building type does not qualify"));
        }

        if (band.MaxFloorAreaM2 is { } maxArea && !(p.TotalFloorAreaM2 is { } area && area <= maxArea))
        {
            missed.Add(p.TotalFloorAreaM2 is { } a
                ? new($"总建筑面积 {Number(a)} 平方米，超过 {Number(maxArea)} 平方米", $"the floor area of {Number(a)} m² is above {Number(maxArea)} m²")
                : new("未提供总建筑面积", "the total floor area is not given"));
        }

        if (band.MaxBuildingHeightM is { } maxHeight
            && !(p.BuildingHeightM is { } height && (band.HeightStrictlyBelow ? height < maxHeight : height <= maxHeight)))
        {
            missed.Add(p.BuildingHeightM is { } h
                ? band.HeightStrictlyBelow
                    ? new($"建筑高度 {Number(h)} 米，不低于 {Number(maxHeight)} 米", $"the building height of {Number(h)} m is not below {Number(maxHeight)} m")
                    : new($"建筑高度 {Number(h)} 米，高于 {Number(maxHeight)} 米", $"the building height of {Number(h)} m is above {Number(maxHeight)} m")
                : new("未提供建筑高度", "the building height is not given"));
        }

        if (band.MaxDiameterMm is { } maxDn && dn > maxDn)
        {
            missed.Add(new($"接入管径 DN{dn}，大于 DN{maxDn}", $"the connection is DN{dn}, above DN{maxDn}"));
        }

        if (band.MaxExternalPipeLengthM is { } maxLength && length > maxLength)
        {
            missed.Add(new($"外线长度 {Number(length)} 米，超过 {Number(maxLength)} 米", $"the external pipe of {Number(length)} m is longer than {Number(maxLength)} m"));
        }

        if (band.ExcludesHazardousGoods && p.InvolvesHazardousGoods == true)
        {
            missed.Add(new("涉及危化品", "it involves hazardous goods"));
        }

        return missed;
    }
}
