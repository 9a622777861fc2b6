using FluentValidation;
using PricingApi.Configuration;

namespace PricingApi.Publishing;

/// <summary>How publishing is governed (section <c>Publishing</c>).</summary>
public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>How far ahead a version may be scheduled: a typo (2062 for 2026) must not freeze the list for decades.</summary>
    public int MaxScheduleDays { get; set; } = 366;

    /// <summary>Four-eyes: a publish becomes a proposal that another pricing-admin key approves.</summary>
    public bool RequireApproval { get; set; }

    /// <summary>
    /// Where signing keys live: the active private key (<c>active.pem</c>) and the public key of every key ever used
    /// (<c>&lt;kid&gt;.public.pem</c>). Empty: a <c>signing-keys</c> folder beside the SQLite database (or in the
    /// working directory on PostgreSQL).
    /// </summary>
    public string? SigningKeyDirectory { get; set; }

    /// <summary>The active private key as PEM (PKCS#8 or SEC1), for an environment secret; overrides <c>active.pem</c>.</summary>
    public string? SigningKeyPem { get; set; }
}

public sealed class PublishingOptionsValidator : AbstractValidator<PublishingOptions>
{
    public PublishingOptionsValidator() => RuleFor(o => o.MaxScheduleDays).Within("Publishing:MaxScheduleDays", 1, 3660);
}
