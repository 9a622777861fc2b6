using PricingApi.Pricing;

namespace PricingApi.FeeList;

/// <summary>What a version changed against the one before it, matched by service code.</summary>
public sealed record VersionChanges
{
    public int Version { get; init; }
    /// <summary>The version compared against; absent for the first version, where everything is added.</summary>
    public int? PreviousVersion { get; init; }
    public DateTimeOffset EffectiveFrom { get; init; }
    public required IReadOnlyList<ServiceRef> Added { get; init; }
    public required IReadOnlyList<ServiceRef> Removed { get; init; }
    public required IReadOnlyList<Repricing> Repriced { get; init; }
    /// <summary>Services whose price stayed but whose name, unit, description or legal basis changed.</summary>
    public required IReadOnlyList<ServiceRef> Amended { get; init; }

    public sealed record ServiceRef(string Code, ServiceKind Kind, string Name, string NameEn, decimal Price);

    /// <summary>A price changed; with the unit each price is for, since a unit can change with it (636.00 a 百米 → 6.36 a 米 is no cut).</summary>
    public sealed record Repricing(
        string Code, string Name, string NameEn,
        decimal OldPriceExcludingTax, decimal NewPriceExcludingTax,
        decimal OldVatRate, decimal NewVatRate,
        decimal OldPrice, decimal NewPrice,
        string OldUnit, string OldUnitEn, string NewUnit, string NewUnitEn);

    public static VersionChanges Between(FeeListDocument? previous, FeeListDocument current)
    {
        var before = Index(previous);
        var after = Index(current);
        var beforeExtended = previous?.ExtendedServices.ToDictionary(e => e.Code) ?? [];

        return new VersionChanges
        {
            Version = current.Version,
            PreviousVersion = previous?.Version,
            EffectiveFrom = current.EffectiveFrom,
            // A code that changed kind (deleted and created anew) is a removal and an addition, not an edit.
            Added = after.Values.Where(s => !SameKindIn(before, s)).Select(s => s.Ref).ToList(),
            Removed = before.Values.Where(s => !SameKindIn(after, s)).Select(s => s.Ref).ToList(),
            Repriced = current.ExtendedServices
                .Where(e => beforeExtended.TryGetValue(e.Code, out var old) && (old.PriceExcludingTax != e.PriceExcludingTax || old.VatRate != e.VatRate))
                .Select(e => (Old: beforeExtended[e.Code], New: e))
                .Select(p => new Repricing(p.New.Code, p.New.Name, p.New.NameEn,
                    p.Old.PriceExcludingTax, p.New.PriceExcludingTax, p.Old.VatRate, p.New.VatRate, p.Old.Price, p.New.Price,
                    p.Old.Unit, p.Old.UnitEn, p.New.Unit, p.New.UnitEn))
                .ToList(),
            Amended = after.Values
                .Where(s => before.TryGetValue(s.Ref.Code, out var old) && old.Ref.Kind == s.Ref.Kind && old.Ref.Price == s.Ref.Price && old.Wording != s.Wording)
                .Select(s => s.Ref)
                .ToList(),
        };
    }

    private sealed record Indexed(ServiceRef Ref, string Wording);

    private static bool SameKindIn(Dictionary<string, Indexed> list, Indexed service) =>
        list.TryGetValue(service.Ref.Code, out var other) && other.Ref.Kind == service.Ref.Kind;

    private static Dictionary<string, Indexed> Index(FeeListDocument? list)
    {
        if (list is null)
        {
            return [];
        }

        var basic = list.BasicServices.Select(b => new Indexed(
            new ServiceRef(b.Code, ServiceKind.Basic, b.Name, b.NameEn, b.Price),
            string.Join('\u001f', b.Name, b.NameEn, b.Description, b.LegalBasis, b.PaidBy)));
        var extended = list.ExtendedServices.Select(e => new Indexed(
            new ServiceRef(e.Code, ServiceKind.Extended, e.Name, e.NameEn, e.Price),
            string.Join('\u001f', e.Name, e.NameEn, e.Unit, e.UnitEn, e.Description, e.LegalBasis, e.Category, e.PricingForm, e.Provider?.Name)));
        return basic.Concat(extended).ToDictionary(s => s.Ref.Code);
    }
}
