namespace PricingApi.LegalBases;

/// <summary>Where the register of legal bases lives, and which city's part of it applies to this service.</summary>
public sealed class LegalBasisOptions
{
    public const string Section = "LegalBases";

    /// <summary>The register file; by default the copy of <c>seed/legal-bases.json</c> shipped beside the binary.</summary>
    public string Path { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "seed", "legal-bases.json");

    /// <summary>
    /// The profile (city) whose documents and basic services apply, e.g. kunming or changchun; by default the one
    /// <c>Utility:Profile</c> selects. Set it only to read another profile of the register than the city's.
    /// </summary>
    public string Profile { get; set; } = "kunming";
}
