using FluentValidation;
using PricingApi.Configuration;

namespace PricingApi.FeeList;

public sealed class FeeListOptions
{
    public const string Section = "FeeList";

    /// <summary>How long browsers and CDNs may keep the list in effect (never past the next version's start).</summary>
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>
    /// How long an instance trusts its in-memory list of versions before asking the database again; this
    /// bounds how late it sees a version published by another instance. Its own publishes are seen at once.
    /// </summary>
    public double RefreshSeconds { get; set; } = 2;

    /// <summary>
    /// Where the public reaches the service, e.g. https://fees.example.cn: printed with the page's path in the footer
    /// of each printed sheet of /fees and in the Atom feed's links. Unset, the footer gives the path alone (/fees/3) and
    /// the feed's links are relative to the feed. Never taken from the request's Host header.
    /// </summary>
    public string? PublicUrl { get; set; }
}

public sealed class FeeListOptionsValidator : AbstractValidator<FeeListOptions>
{
    public FeeListOptionsValidator()
    {
        RuleFor(o => o.MaxAgeSeconds).Within("FeeList:MaxAgeSeconds", 0, 31_536_000);
        RuleFor(o => o.RefreshSeconds).Within("FeeList:RefreshSeconds", 0, 3600);
        RuleFor(o => o.PublicUrl)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Query.Length == 0)
            .When(o => !string.IsNullOrEmpty(o.PublicUrl))
            .WithMessage(o => $"FeeList:PublicUrl has '{o.PublicUrl}', which is not an absolute http(s) address without a query, e.g. https://fees.example.cn.");
    }
}
