using System.Text;

namespace PricingApi.LegalBases;

/// <summary>Compares service names as a reader would: without spaces, punctuation or brackets, case-insensitive.</summary>
public static class ServiceNames
{
    public static string Normalise(string? name)
    {
        var text = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }

    /// <summary>Whether <paramref name="name"/> names <paramref name="basic"/>, whole or as part (供水报装受理费 names 供水报装受理).</summary>
    public static bool Names(string name, BasicServiceRecord basic)
    {
        var normalised = Normalise(name);
        return basic.Names.Any(n => n.Length > 0 && normalised.Contains(n, StringComparison.Ordinal));
    }
}
