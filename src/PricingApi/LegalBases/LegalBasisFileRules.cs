namespace PricingApi.LegalBases;

/// <summary>What a register file must satisfy before the service starts on it.</summary>
public static class LegalBasisFileRules
{
    public const string National = "national";

    public static List<string> Problems(LegalBasisFile file, string profile)
    {
        var problems = new List<string>();
        if (!file.Profiles.TryGetValue(profile, out var selected))
        {
            problems.Add($"There is no profile '{profile}' (the file has: {string.Join(", ", file.Profiles.Keys)}); set LegalBases:Profile.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var clauses = new Dictionary<string, (LegalDocument Document, LegalClause Clause)>(StringComparer.Ordinal);
        foreach (var document in file.Documents)
        {
            var name = document.Id ?? "(a document without id)";
            if (string.IsNullOrWhiteSpace(document.Id) || !ids.Add(document.Id))
            {
                problems.Add($"Document {name}: needs an id of its own.");
            }

            if (string.IsNullOrWhiteSpace(document.Title) || string.IsNullOrWhiteSpace(document.Issuer))
            {
                problems.Add($"Document {name}: needs a title and an issuer.");
            }

            if (document.Scope != National && (document.Scope is null || !file.Profiles.ContainsKey(document.Scope)))
            {
                problems.Add($"Document {name}: scope '{document.Scope}' is neither '{National}' nor a profile.");
            }

            if (document.Clauses.Count == 0)
            {
                problems.Add($"Document {name}: lists no clause to cite.");
            }

            foreach (var clause in document.Clauses)
            {
                if (string.IsNullOrWhiteSpace(clause.Id) || !ids.Add(clause.Id))
                {
                    problems.Add($"Document {name}: clause '{clause.Id}' needs an id no other document or clause has.");
                    continue;
                }

                clauses[clause.Id] = (document, clause);
                if (clause.MakesFree is null)
                {
                    problems.Add($"Clause {clause.Id}: say whether it makes a service free (makesFree: true) or allows a charge (makesFree: false).");
                }
            }
        }

        if (selected is not null)
        {
            var key = profile;
            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var basic in selected.BasicServices)
            {
                if (string.IsNullOrWhiteSpace(basic.Code) || string.IsNullOrWhiteSpace(basic.Name) || !codes.Add(basic.Code))
                {
                    problems.Add($"Profile {key}: basic service '{basic.Code}' needs a code of its own and a name.");
                }

                if (basic.LegalBasis is null || !clauses.TryGetValue(basic.LegalBasis, out var cited))
                {
                    problems.Add($"Profile {key}: basic service {basic.Code} cites '{basic.LegalBasis}', which is no clause of the register.");
                }
                else if (cited.Document.Scope != National && cited.Document.Scope != key)
                {
                    problems.Add($"Profile {key}: basic service {basic.Code} cites {basic.LegalBasis}, a document of profile '{cited.Document.Scope}'.");
                }
                else if (cited.Clause.MakesFree == false)
                {
                    problems.Add($"Profile {key}: basic service {basic.Code} cites {basic.LegalBasis}, which allows a charge; a basic service rests on a clause that makes it free.");
                }
            }
        }
        return problems;
    }
}
