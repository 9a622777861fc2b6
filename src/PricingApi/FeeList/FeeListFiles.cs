using Microsoft.Extensions.Options;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Caching;

namespace PricingApi.FeeList;

/// <summary>The downloadable files: the machine CSV, the CSV for people in Chinese (<c>?lang=zh</c>), the workbook.</summary>
public enum FeeListFileFormat { Csv, Xlsx, CsvChinese }

/// <summary>
/// The downloadable files of each published version, rendered once per version, format and withdrawal. A version's
/// bytes never change, but a scheduled one may be withdrawn, and its files must then say so (as its page does): the
/// withdrawal is part of the key, so a file rendered before it is never served after it. The workbook's zip container
/// carries the time it was written, so its ETag (a hash of the bytes) is stable per instance rather than across instances.
/// </summary>
public sealed class FeeListFiles(IOptions<UtilityOptions> utility, RenderedBytes rendered)
{
    private readonly RenderedCache<(int Version, FeeListFileFormat Format, DateTimeOffset? WithdrawnAt)> _files = new(rendered);

    /// <summary>The file of <paramref name="version"/>; <paramref name="listed"/> is its entry in the versions list, which says whether it was withdrawn.</summary>
    public Task<Rendered> GetAsync(PublishedVersion version, VersionSummary? listed, FeeListFileFormat format, CancellationToken ct)
    {
        var withdrawal = listed?.WithdrawnAt is null ? null : listed;
        // A workbook is a zip already; the CSV compresses to about a tenth.
        return _files.GetOrRenderAsync((version.Version, format, withdrawal?.WithdrawnAt),
            _ => Task.FromResult(Render(version.Public, format, FeeListLabels.Notices(version.Public, withdrawal))), ct,
            compress: format != FeeListFileFormat.Xlsx);
    }

    public static string ContentType(FeeListFileFormat format) => format switch
    {
        FeeListFileFormat.Csv or FeeListFileFormat.CsvChinese => CsvWriter.ContentType,
        _ => FeeListWorkbook.ContentType,
    };

    public static string FileName(FeeListFileFormat format, int version) => format switch
    {
        FeeListFileFormat.Csv => $"fee-list-v{version}.csv",
        FeeListFileFormat.CsvChinese => $"fee-list-v{version}-zh.csv",
        _ => $"fee-list-v{version}.xlsx",
    };

    private byte[] Render(FeeListDocument list, FeeListFileFormat format, IReadOnlyList<FeeListNotice> notices) => format switch
    {
        FeeListFileFormat.Csv => PublicFeeListCsv.Write(list, notices),
        FeeListFileFormat.CsvChinese => PublicFeeListCsv.WriteChinese(list, notices),
        _ => FeeListWorkbook.Write(list, FeeListLabels.PublisherEn(list, utility.Value), notices),
    };
}
