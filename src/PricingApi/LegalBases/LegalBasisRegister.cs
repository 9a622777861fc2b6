using System.Text.Json;
using PricingApi.Http;

namespace PricingApi.LegalBases;

/// <summary>A clause the catalog may cite, with its full citation as the published list shows it.</summary>
public sealed record LegalBasis(string Id, string Citation, bool MakesFree, string Summary, string DocumentId, string? Number, string Issuer, string? Date);

/// <summary>A basic service of the register, with the names (normalised) that an extended service may not use.</summary>
public sealed record BasicServiceRecord(string Code, string Name, IReadOnlyList<string> Names, string LegalBasis);

/// <summary>
/// The register of legal bases for one profile (city): the national documents and that city's own. A clause of
/// another city's document is not in it, so this city's list cannot cite it. Loaded once; a broken register stops
/// the start with every problem named.
/// </summary>
public sealed class LegalBasisRegister
{
    private readonly Dictionary<string, LegalBasis> _byId;

    private LegalBasisRegister(string profile, IReadOnlyList<LegalBasis> clauses, IReadOnlyList<BasicServiceRecord> basicServices)
    {
        Profile = profile;
        Clauses = clauses;
        BasicServices = basicServices;
        _byId = clauses.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public string Profile { get; }

    /// <summary>The clauses this profile may cite, in register order.</summary>
    public IReadOnlyList<LegalBasis> Clauses { get; }

    public IReadOnlyList<BasicServiceRecord> BasicServices { get; }

    public LegalBasis? Find(string? id) => id is not null && _byId.TryGetValue(id.Trim(), out var basis) ? basis : null;

    /// <summary>
    /// What a published list shows for an item's basis: the register's citation. A catalog item written before the
    /// register existed holds its citation as text; that text is shown as it is.
    /// </summary>
    public string Citation(string legalBasis) => Find(legalBasis)?.Citation ?? legalBasis;

    public static LegalBasisRegister Load(LegalBasisOptions options)
    {
        if (!File.Exists(options.Path))
        {
            throw new FileNotFoundException($"The register of legal bases was not found at {options.Path}. Set LegalBases:Path.", options.Path);
        }

        LegalBasisFile? file;
        try
        {
            file = JsonSerializer.Deserialize<LegalBasisFile>(File.ReadAllBytes(options.Path), PricingJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The register of legal bases at {options.Path} is not valid JSON: {e.Message}", e);
        }

        return From(file ?? new LegalBasisFile(), options.Profile, options.Path);
    }

    /// <summary>Builds the register for <paramref name="profile"/>, or throws naming every problem in the file.</summary>
    public static LegalBasisRegister From(LegalBasisFile file, string profile, string source)
    {
        var problems = LegalBasisFileRules.Problems(file, profile);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The register of legal bases at {source} is not usable for profile '{profile}': {string.Join(" ", problems)}");
        }

        var clauses = file.Documents
            .Where(d => d.Scope == LegalBasisFileRules.National || d.Scope == profile)
            .SelectMany(d => d.Clauses.Select(c => new LegalBasis(c.Id!, CitationOf(d, c), c.MakesFree!.Value, c.Summary ?? "", d.Id!, d.Number, d.Issuer!, d.Date)))
            .ToList();
        var basics = file.Profiles[profile].BasicServices
            .Select(b => new BasicServiceRecord(b.Code!, b.Name!, new[] { b.Name! }.Concat(b.OtherNames).Select(ServiceNames.Normalise).Where(n => n.Length > 0).Distinct().ToList(), b.LegalBasis!))
            .ToList();
        return new LegalBasisRegister(profile, clauses, basics);
    }

    /// <summary>《title》（number）clause, as Chinese fee lists cite a document.</summary>
    private static string CitationOf(LegalDocument document, LegalClause clause)
    {
        var number = document.Number is { Length: > 0 } n ? $"（{n}）" : "";
        var part = clause.Clause is { Length: > 0 } c && c != "全文" ? c : "";
        return $"《{document.Title}》{number}{part}";
    }
}
