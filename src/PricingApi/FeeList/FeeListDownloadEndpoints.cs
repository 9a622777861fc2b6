using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PricingApi.Validation;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Caching;
using PricingApi.Security;

namespace PricingApi.FeeList;

/// <summary>The fee list as files to download (CSV, Excel): anonymous and cacheable, like the JSON.</summary>
public static class FeeListDownloadEndpoints
{
    /// <summary>What a download handler needs; <c>version</c> picks a published version instead of the list in effect.</summary>
    /// <remarks>Settable properties rather than a positional record: the request delegate generator cannot yet bind a
    /// constructor with nullable reference parameters (dotnet/aspnetcore#58953).</remarks>
    public sealed record DownloadRequest
    {
        [FromQuery(Name = "version")]
        public string? Version { get; init; }
        [FromServices]
        public required FeeListStore Store { get; init; }
        [FromServices]
        public required FeeListFiles Files { get; init; }
        [FromServices]
        public required UtilityClock Clock { get; init; }
        [FromServices]
        public required IOptions<FeeListOptions> Options { get; init; }
        public required HttpContext Http { get; init; }
    }

    public static RouteGroupBuilder MapFeeListDownloads(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Public fee list").AllowAnonymous().RequireCors(PublicCors.Policy);

        group.MapGet("/fee-list.csv", CsvAsync).Validate<DownloadRequest>().Validate<CsvLanguage>().WithName("DownloadFeeListCsv")
            .WithSummary("The fee list in effect (or ?version=) as CSV: UTF-8 with BOM, a header row, one row per service, basic and extended.")
            .WithDescription("Columns and values follow the JSON: camelCase names, kebab-case codes, rates as fractions, money to the fen. "
                             + "?lang=zh is for people: three lines giving the list's version, effective date and publisher, then Chinese column names and labels (价格形式: 市场调节价; VAT as 6.5%) for the same rows. "
                             + "A list that is not an official one in force says so in a last column, notice, on every row (withdrawn before it took effect, with the date and reason; sample data), as its page does; with ?lang=zh also in lines above the table. "
                             + "Strong ETag; If-None-Match answers 304. Cache-Control: immutable for a named version once it is in effect, superseded or withdrawn; a scheduled one may yet be withdrawn, so it is cacheable for FeeList:MaxAgeSeconds only.")
            .Produces<string>(StatusCodes.Status200OK, CsvWriter.ContentType).Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/fee-list.xlsx", WorkbookAsync).Validate<DownloadRequest>().WithName("DownloadFeeListWorkbook")
            .WithSummary("The fee list in effect (or ?version=) as an Excel workbook: basic services, extended services, and the list's publisher, dates and phones.")
            .WithDescription("Headers in Chinese and English; money formatted 0.00. A list that is not an official one in force says so (withdrawn before it took effect, with the date and reason; sample data) on the About sheet, which then opens first, and in every printed page's header, as its page does. Strong ETag; If-None-Match answers 304; cached as the CSV is.")
            .Produces<byte[]>(StatusCodes.Status200OK, FeeListWorkbook.ContentType).Produces(StatusCodes.Status304NotModified)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static Task<Results<CachedContent, ProblemHttpResult>> CsvAsync(
        [AsParameters] DownloadRequest request, [AsParameters] CsvLanguage language, CancellationToken ct) =>
        DownloadAsync(language.Lang is "zh" ? FeeListFileFormat.CsvChinese : FeeListFileFormat.Csv, request, ct);

    private static Task<Results<CachedContent, ProblemHttpResult>> WorkbookAsync([AsParameters] DownloadRequest request, CancellationToken ct) =>
        DownloadAsync(FeeListFileFormat.Xlsx, request, ct);

    private static async Task<Results<CachedContent, ProblemHttpResult>> DownloadAsync(
        FeeListFileFormat format, DownloadRequest request, CancellationToken ct)
    {
        int? asked = request.Version is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;
        var now = request.Clock.Now;
        var number = asked ?? (await request.Store.InEffectAsync(now, ct))?.Version;
        var version = number is { } n ? await request.Store.GetAsync(n, ct) : null;
        if (version is null)
        {
            return Problems.NotFound(asked is { } v ? $"No fee-list version {v} has been published." : "No fee list is in effect yet.");
        }

        var listed = await request.Store.SummaryAsync(version.Version, ct);
        var file = await request.Files.GetAsync(version, listed, format, ct);
        // "The list in effect" changes when the next version takes effect. A named version's file changes once at most:
        // a scheduled one may yet be withdrawn, and then says so; once withdrawn, or once its time has come (it can no
        // longer be withdrawn), it never changes.
        var cacheControl = asked is null
            ? await request.Store.CacheControlAsync(now, request.Options.Value.MaxAgeSeconds, ct)
            : listed is null || (listed.WithdrawnAt is null && listed.EffectiveFrom > now)
                ? CachedContent.Short(request.Options.Value.MaxAgeSeconds)
                : CachedContent.Immutable;
        request.Http.Response.Headers.ContentDisposition = $"attachment; filename=\"{FeeListFiles.FileName(format, version.Version)}\"";
        return new CachedContent(file, cacheControl, FeeListFiles.ContentType(format));
    }
}

public sealed class DownloadRequestValidator : AbstractValidator<FeeListDownloadEndpoints.DownloadRequest>
{
    public DownloadRequestValidator() =>
        RuleFor(r => r.Version).Matches("^[0-9]{1,9}$").WithMessage("'version' must be a published version number, e.g. 2.");
}

/// <summary>The CSV's language: absent for the machine-readable header, <c>zh</c> for people.</summary>
public sealed record CsvLanguage
{
    /// <summary>"zh" for Chinese headers and labels with the list's version, effective date and publisher above them.</summary>
    [FromQuery(Name = "lang")]
    public string? Lang { get; init; }
}

public sealed class CsvLanguageValidator : AbstractValidator<CsvLanguage>
{
    public CsvLanguageValidator() =>
        RuleFor(l => l.Lang).Must(lang => lang is null or "zh")
            .WithMessage("'lang' must be zh (Chinese headers and labels), or left out for the machine-readable header.");
}
