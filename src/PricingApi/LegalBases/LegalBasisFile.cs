namespace PricingApi.LegalBases;

/// <summary>
/// The shape of <c>seed/legal-bases.json</c>: the documents a fee list may rest on, each with the clauses that may be
/// cited, and per profile (city) the basic services that are free by those clauses.
/// </summary>
public sealed class LegalBasisFile
{
    public List<LegalDocument> Documents { get; set; } = [];
    public Dictionary<string, LegalProfile> Profiles { get; set; } = [];
}

public sealed class LegalDocument
{
    public string? Id { get; set; }
    /// <summary><c>national</c> (every profile may cite it) or the profile that owns it.</summary>
    public string? Scope { get; set; }
    public string? Title { get; set; }
    /// <summary>The document number (文号), e.g. 国办函〔2020〕129号; null for a document that has none known.</summary>
    public string? Number { get; set; }
    public string? Issuer { get; set; }
    /// <summary>ISO date, or only the year when the day is not known.</summary>
    public string? Date { get; set; }
    public List<LegalClause> Clauses { get; set; } = [];
}

public sealed class LegalClause
{
    public string? Id { get; set; }
    /// <summary>The clause as the document numbers it, e.g. 三（九）试点开展延伸服务.</summary>
    public string? Clause { get; set; }
    public string? Summary { get; set; }
    /// <summary>True: the clause makes a service free (basic). False: it allows a charge (extended). Never both.</summary>
    public bool? MakesFree { get; set; }
}

public sealed class LegalProfile
{
    /// <summary>The utility the profile describes.</summary>
    public string? Name { get; set; }
    public List<RegisteredBasicService> BasicServices { get; set; } = [];
}

/// <summary>A basic service: free by <see cref="LegalBasis"/>, and never to be sold under its code or any of its names.</summary>
public sealed class RegisteredBasicService
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    /// <summary>Other words for the same service (水表购置 for 计量装置购置): an extended service may not use them either.</summary>
    public List<string> OtherNames { get; set; } = [];
    public string? LegalBasis { get; set; }
}
