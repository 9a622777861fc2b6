using System.Globalization;
using PricingApi.FeePage;
using PricingApi.Security;

namespace PricingApi.Quotes;

/// <summary>
/// What every page a clerk prints for a customer shares (the quote, the receipt): the same head and A4 print style,
/// the same security headers, and values written one way (through <see cref="Html"/>, which encodes every value,
/// as the fee pages are; dates in the utility's zone, money to the fen).
/// </summary>
public static class PrintedPage
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>The shared style: A4, a readable width on screen, right-aligned money, English in grey beside the Chinese.</summary>
    private const string Style = "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}table{border-collapse:collapse;width:100%}th,td{border:1px solid #555;padding:.3em .5em}td.n{text-align:right}.en{color:#555;font-size:.85em}.void{color:#b00;font-size:1.4em}@page{size:A4;margin:15mm}@media print{body{margin:0;padding:0}}";

    /// <summary>The pages' Content-Security-Policy, declared on their endpoints: nothing runs or loads but this exact stylesheet.</summary>
    public static readonly string ContentSecurityPolicy = SecurityHeaders.PagePolicy(SecurityHeaders.StyleHash(Style));

    /// <summary>The document head with the shared style, and the opened body and main landmark; <see cref="Close"/> ends them.</summary>
    public static Html Open(string title) => new Html().Append($"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
        <style>{new Markup(Style)}</style></head><body><main>

        """);

    public static string Close(Html html) => html.Append($"</main></body></html>\n").ToMarkup().Value;

    public static string Date(DateTimeOffset t) =>
        Utility.UtilityClock.Local(t).ToString("yyyy'年'M'月'd'日' HH:mm", CultureInfo.InvariantCulture);

    public static string DateEn(DateTimeOffset t) =>
        Utility.UtilityClock.Local(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Num(decimal quantity) => quantity.ToString(CultureInfo.InvariantCulture);
}
