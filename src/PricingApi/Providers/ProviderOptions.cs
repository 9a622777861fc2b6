using System.Text.RegularExpressions;
using FluentValidation;

namespace PricingApi.Providers;

/// <summary>
/// The companies that perform extended services and charge for them (经营者), section <c>Providers</c>: each issues
/// its own quotes, numbered in its own series. The first is the provider of any extended service that names none.
/// Absent from configuration, the city profile's providers apply.
/// </summary>
public sealed partial class ProvidersOptions
{
    public const string Section = "Providers";

    public ProviderOptions[] Companies { get; set; } = [];

    public ProviderOptions Default => Companies[0];

    public ProviderOptions? Find(string? id) =>
        id is null ? null : Companies.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));

    /// <summary>The provider of a service: the one it names, or the default.</summary>
    public ProviderOptions For(string? id) => Find(id) ?? Default;

    public string? Problem()
    {
        if (Companies.Length == 0)
        {
            return "Providers:Companies must name at least one company.";
        }

        if (Companies.FirstOrDefault(c => !IdPattern().IsMatch(c.Id) || string.IsNullOrWhiteSpace(c.Name) || !PrefixPattern().IsMatch(c.QuotePrefix)) is { } bad)
        {
            return $"Providers:Companies '{bad.Id}' needs an Id (lower-case letters, digits, hyphens), a Name and a QuotePrefix of 1 to 8 upper-case letters.";
        }

        return Companies.Select(c => c.Id).Distinct().Count() != Companies.Length || Companies.Select(c => c.QuotePrefix).Distinct().Count() != Companies.Length
            ? "Providers:Companies: each company needs its own Id and its own QuotePrefix (quote numbers must never collide)."
            : null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{1,8}$")]
    private static partial Regex PrefixPattern();
}

public sealed class ProviderOptions
{
    /// <summary>What the catalog names the provider by, e.g. shuigong.</summary>
    public string Id { get; set; } = "";
    /// <summary>The operator's name as a price tag and a quote must show it.</summary>
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    /// <summary>The letters before its quote numbers: SG-2026-000001.</summary>
    public string QuotePrefix { get; set; } = "";
    /// <summary>The heading of its printed quote (letterhead); the name when empty.</summary>
    public string? QuoteHeader { get; set; }
    public string? QuoteHeaderEn { get; set; }
}

public sealed class ProvidersOptionsValidator : AbstractValidator<ProvidersOptions>
{
    public ProvidersOptionsValidator() =>
        RuleFor(providers => providers).Must(providers => providers.Problem() is null).WithMessage(providers => providers.Problem()!);
}
