using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Validation;

namespace PricingApi.FeeList;

/// <summary>
/// How a poller asks "anything new since X?" of a versions list: <c>?publishedAfter=&lt;time&gt;</c> (versions
/// published strictly later) and/or <c>?sinceVersion=&lt;n&gt;</c> (versions numbered above n). Without either,
/// every version. An empty answer is still 200 <c>[]</c> with an ETag, so an unchanged poll is a 304.
/// </summary>
public sealed record VersionsQuery
{
    /// <summary>An ISO 8601 time; without an offset it is read as +08:00.</summary>
    [FromQuery(Name = "publishedAfter")]
    public string? PublishedAfter { get; init; }

    /// <summary>The last version number the caller already has.</summary>
    [FromQuery(Name = "sinceVersion")]
    public int? SinceVersion { get; init; }

    /// <summary>
    /// The versions the query asks for, newest first, each labelled in effect, scheduled, superseded or withdrawn as of
    /// <paramref name="now"/>; call only after the validator passed.
    /// </summary>
    public List<VersionSummary> Select(IReadOnlyList<VersionSummary> newestFirst, DateTimeOffset now)
    {
        var after = UtilityTime.ReadOrNull(PublishedAfter) ?? DateTimeOffset.MinValue;
        return VersionTimeline.Labelled(newestFirst, now)
            .Where(v => v.PublishedAt > after && v.Version > (SinceVersion ?? 0))
            .ToList();
    }
}

public sealed class VersionsQueryValidator : AbstractValidator<VersionsQuery>
{
    public VersionsQueryValidator()
    {
        RuleFor(q => q.PublishedAfter).IsUtilityTime();
        RuleFor(q => q.SinceVersion).GreaterThanOrEqualTo(0);
    }
}
