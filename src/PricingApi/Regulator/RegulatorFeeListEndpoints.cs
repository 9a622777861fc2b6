using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Caching;
using PricingApi.Validation;
using PricingApi.OpenApi;

namespace PricingApi.Regulator;

/// <summary>
/// Published versions with their costs, exactly as stored: the SHA-256 of a downloaded version is the
/// <c>digest</c> listed for it, so a regulator can prove that what they hold is what was published.
/// </summary>
public static class RegulatorFeeListEndpoints
{
    /// <summary>
    /// The costed workbook's layout, in its ETag beside the version's digest: a client holding a workbook of an older
    /// layout (before the provider column and the notices, layout 1) gets the new one instead of a 304. Raise it
    /// whenever what the workbook shows changes.
    /// </summary>
    private const int WorkbookLayout = 2;

    public static RouteGroupBuilder MapRegulatorFeeList(this RouteGroupBuilder group)
    {
        group.MapGet("/fee-list", CurrentAsync).Validate<MomentQuery>().WithName("GetRegulatorFeeList").WithTimeQuery("at")
            .WithSummary("The version in effect now, or at ?at=<time>, with each extended service's costBasis, cost and costProfitRatio.")
            .WithDescription("The same bytes as /api/regulator/fee-list/versions/{version}, named by Content-Location. Strong ETag; If-None-Match answers 304.")
            .Produces<CostedFeeListDocument>().Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/fee-list/versions", VersionsAsync).Validate<VersionsQuery>().WithName("ListRegulatorFeeListVersions").WithTimeQuery("publishedAfter")
            .WithSummary("Every published version, newest first, with its digest; ?publishedAfter=<time> or ?sinceVersion=<n> for only the newer ones.")
            .WithDescription("Poll with If-None-Match: an unchanged list is a 304.")
            .Produces<List<VersionSummary>>().Produces(StatusCodes.Status304NotModified).ProducesValidationProblem();
        group.MapGet("/fee-list/versions/{version:int}", VersionAsync).WithName("GetRegulatorFeeListVersion")
            .WithSummary("One published version with costs: the stored canonical JSON, whose SHA-256 is the version's digest.")
            .WithDescription("Repr-Digest (RFC 9530) carries the SHA-256 in base64 and the ETag carries it in hex; recompute it with `sha256sum` over the downloaded body.")
            .Produces<CostedFeeListDocument>().Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/fee-list/versions/{version:int}.csv", CsvAsync).WithName("GetRegulatorFeeListVersionCsv")
            .WithDescription("Regulator key. Columns follow the regulator's JSON of the same version, costs included.")
            .WithSummary("One published version as CSV for spreadsheets (UTF-8 with BOM): costs, prices and margins, one row per service.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv").Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/fee-list/versions/{version:int}.xlsx", WorkbookAsync).WithName("GetRegulatorFeeListVersionWorkbook")
            .WithSummary("One published version as an Excel workbook: the CSV's costs, prices, margins and cap check per extended service, the basic services, and the list's facts.")
            .WithDescription("Bilingual headers, money as numbers formatted #,##0.00, rates as exact percentages, dates as dates; prints on A4 landscape. Weak ETag (the workbook's zip container carries the time it was written); If-None-Match answers 304.")
            .Produces<byte[]>(StatusCodes.Status200OK, FeeListWorkbook.ContentType).Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<CachedContent, ProblemHttpResult>> CurrentAsync(
        [AsParameters] MomentQuery query, FeeListStore store, UtilityClock clock, HttpContext http, CancellationToken ct)
    {
        var moment = query.Or(clock.Now);

        var summary = await store.InEffectAsync(moment, ct);
        var version = summary is null ? null : await store.GetAsync(summary.Version, ct);
        if (version is null)
        {
            return Problems.NotFound($"No fee list was in effect at {UtilityTime.Format(moment)}.");
        }

        http.Response.Headers.ContentLocation = $"/api/regulator/fee-list/versions/{version.Version}";
        return Canonical(version, http, RegulatorEndpoints.Revalidate);
    }

    private static async Task<CachedContent> VersionsAsync(
        [AsParameters] VersionsQuery query, FeeListStore store, UtilityClock clock, CancellationToken ct)
    {
        var listed = query.Select(await store.VersionsAsync(ct), clock.Now);
        var body = JsonSerializer.SerializeToUtf8Bytes(listed, PricingJson.Options);
        return new CachedContent(body, PublishedVersion.StrongETag(body), RegulatorEndpoints.Revalidate);
    }

    private static async Task<Results<CachedContent, ProblemHttpResult>> VersionAsync(int version, FeeListStore store, HttpContext http, CancellationToken ct) =>
        await store.GetAsync(version, ct) is { } published
            ? Canonical(published, http, RegulatorEndpoints.Immutable)
            : UnknownVersion(version);

    private static async Task<Results<CachedContent, ProblemHttpResult>> CsvAsync(int version, FeeListStore store, HttpContext http, CancellationToken ct)
    {
        if (await store.GetAsync(version, ct) is not { } published)
        {
            return UnknownVersion(version);
        }

        // A withdrawn or sample version says so on every row, as its public files do.
        var csv = CostedFeeListCsv.For(published.ReadCosted(), FeeListLabels.Notices(published.Public, await store.SummaryAsync(version, ct)));
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"fee-list-v{version}.csv\"";
        // Derived, not stored: revalidate rather than pin, so a corrected export format reaches every client.
        return new CachedContent(csv, PublishedVersion.StrongETag(csv), RegulatorEndpoints.Revalidate, CsvWriter.ContentType);
    }

    private static async Task<Results<CachedContent, ProblemHttpResult>> WorkbookAsync(
        int version, FeeListStore store, Microsoft.Extensions.Options.IOptions<UtilityOptions> utility, HttpContext http, CancellationToken ct)
    {
        if (await store.GetAsync(version, ct) is not { } published)
        {
            return UnknownVersion(version);
        }

        // Only the time inside the zip differs between two renderings, so the version's digest names the content, and
        // whether it was withdrawn, which the workbook then states.
        var listed = await store.SummaryAsync(version, ct);
        var etag = $"W/\"xlsx{WorkbookLayout}-{published.Digest[..32]}{(listed?.WithdrawnAt is null ? "" : "-withdrawn")}\"";
        if (CachedContent.IsNotModified(http.Request.Headers.IfNoneMatch.ToString(), etag))
        {
            return new CachedContent([], etag, RegulatorEndpoints.Revalidate, FeeListWorkbook.ContentType);
        }

        var workbook = CostedFeeListWorkbook.Write(published, FeeListLabels.PublisherEn(published.Public, utility.Value), FeeListLabels.Notices(published.Public, listed));
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"fee-list-v{version}-costs.xlsx\"";
        return new CachedContent(workbook, etag, RegulatorEndpoints.Revalidate, FeeListWorkbook.ContentType);
    }

    /// <summary>The stored bytes, with their SHA-256 as the strong ETag (hex) and as Repr-Digest (RFC 9530, base64).</summary>
    private static CachedContent Canonical(PublishedVersion version, HttpContext http, string cacheControl)
    {
        http.Response.Headers["Repr-Digest"] = ReprDigest(version.Digest);
        return new CachedContent(version.CostedJson, version.CostedETag, cacheControl);
    }

    public static string ReprDigest(string sha256Hex) => $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(sha256Hex))}:";

    private static ProblemHttpResult UnknownVersion(int version) =>
        Problems.NotFound($"No fee-list version {version} has been published.");
}
