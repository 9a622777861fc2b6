using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PricingApi.Http;
using PricingApi.Utility;

namespace PricingApi.FeeList;

/// <summary>
/// How a poller asks "anything new since X?" of a versions list: <c>?publishedAfter=&lt;time&gt;</c> (versions
/// published strictly later) and/or <c>?sinceVersion=&lt;n&gt;</c> (versions numbered above n). Without either,
/// every version. An empty answer is still 200 <c>[]</c> with an ETag, so an unchanged poll is a 304.
/// </summary>
/// <param name="PublishedAfter">An ISO 8601 time; without an offset it is read as +08:00.</param>
/// <param name="SinceVersion">The last version number the caller already has.</param>
public sealed record VersionsQuery(
    [FromQuery(Name = "publishedAfter")] string? PublishedAfter,
    [FromQuery(Name = "sinceVersion")] int? SinceVersion)
{
    /// <summary>
    /// The versions the query asks for, newest first, each labelled in effect, scheduled, superseded or withdrawn as of
    /// <paramref name="now"/>; false with a 400 naming the field when the query is malformed.
    /// </summary>
    public bool TrySelect(IReadOnlyList<VersionSummary> newestFirst, DateTimeOffset now,
        out List<VersionSummary> selected, [NotNullWhen(false)] out ValidationProblem? invalid)
    {
        selected = [];
        invalid = null;
        var after = DateTimeOffset.MinValue;
        if (PublishedAfter is not null && !UtilityTime.TryParse(PublishedAfter, out after))
        {
            invalid = Problems.Invalid("publishedAfter", "'publishedAfter' must be an ISO 8601 time, e.g. 2026-12-01T00:00:00+08:00.");
            return false;
        }

        selected = VersionTimeline.Labelled(newestFirst, now)
            .Where(v => v.PublishedAt > after && v.Version > (SinceVersion ?? 0))
            .ToList();
        return true;
    }
}
