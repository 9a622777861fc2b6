using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PricingApi.Http;
using PricingApi.Security;

namespace PricingApi.Quotes;

/// <summary>
/// What every page a clerk prints for a customer shares (the quote, the receipt): the same head and A4 print style,
/// the same security headers, and values written one way (HTML-encoded, dates in the utility's zone, money to the fen).
/// </summary>
public static class PrintedPage
{
    public const string ContentType = "text/html; charset=utf-8";

    // Encodes what HTML gives meaning to (<, >, &, quotes) but writes Chinese as itself.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Css =
        "body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;width:100%}"
        + "th,td{border:1px solid #555;padding:.3em .5em}td.n{text-align:right}.en{color:#555;font-size:.85em}.void{color:#b00;font-size:1.4em}"
        + "@page{size:A4;margin:15mm}@media print{body{margin:0}}";

    /// <summary>The pages' Content-Security-Policy, declared on their endpoints: nothing runs or loads but this exact stylesheet.</summary>
    public static readonly string ContentSecurityPolicy = SecurityHeaders.PagePolicy(SecurityHeaders.StyleHash(Css));

    /// <summary>The document head with the shared style, and the opened body.</summary>
    public static StringBuilder Open(string title) => new StringBuilder()
        .Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title>\n")
        .Append("<style>").Append(Css).Append("</style></head><body>\n");

    public static string E(string text) => Encoder.Encode(text);

    public static string Date(DateTimeOffset t) =>
        Utility.UtilityClock.Local(t).ToString("yyyy'年'M'月'd'日' HH:mm", CultureInfo.InvariantCulture);

    public static string DateEn(DateTimeOffset t) =>
        Utility.UtilityClock.Local(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Num(decimal quantity) => quantity.ToString(CultureInfo.InvariantCulture);
}
