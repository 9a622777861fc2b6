using Microsoft.Extensions.Options;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Caching;

namespace PricingApi.FeeList;

/// <summary>The downloadable files: the machine CSV, the CSV for people in Chinese (<c>?lang=zh</c>), the workbook.</summary>
public enum FeeListFileFormat { Csv, Xlsx, CsvChinese }

/// <summary>
/// The downloadable files of each published version, rendered once per version and format. A version never
/// changes, so neither does its CSV; the workbook's zip container carries the time it was written, so its ETag
/// (a hash of the bytes) is stable per instance rather than across instances.
/// </summary>
public sealed class FeeListFiles(IOptions<UtilityOptions> utility, RenderedBytes rendered)
{
    private readonly RenderedCache<(int Version, FeeListFileFormat Format)> _files = new(rendered);

    public Task<Rendered> GetAsync(PublishedVersion version, FeeListFileFormat format, CancellationToken ct) =>
        // A workbook is a zip already; the CSV compresses to about a tenth.
        _files.GetOrRenderAsync((version.Version, format), _ => Task.FromResult(Render(version.Public, format)), ct, compress: format != FeeListFileFormat.Xlsx);

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

    private byte[] Render(FeeListDocument list, FeeListFileFormat format) => format switch
    {
        FeeListFileFormat.Csv => PublicFeeListCsv.Write(list),
        FeeListFileFormat.CsvChinese => PublicFeeListCsv.WriteChinese(list),
        _ => FeeListWorkbook.Write(list, FeeListLabels.PublisherEn(list, utility.Value)),
    };
}
