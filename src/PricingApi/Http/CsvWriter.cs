using System.Text;
using System.Text.RegularExpressions;

namespace PricingApi.Http;

/// <summary>
/// Rows of strings → CSV as spreadsheets open it directly: RFC 4180 (comma-separated, CRLF line ends, a field
/// quoted when it holds a comma, quote or line break, quotes doubled), UTF-8 with a byte-order mark so that
/// Excel shows Chinese instead of mojibake.
/// </summary>
public static partial class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The whole file: BOM, then each row (the header row first, if the caller has one) ending in CRLF.</summary>
    public static byte[] ToUtf8WithBom(IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Field)).Append("\r\n");
        }

        var preamble = Encoding.UTF8.Preamble;
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(text.ToString())];
        preamble.CopyTo(bytes);
        Encoding.UTF8.GetBytes(text.ToString(), bytes.AsSpan(preamble.Length));
        return bytes;
    }

    /// <summary>One field, made safe to open: formula-looking text defused, then quoted if it must be.</summary>
    public static string Field(string? value)
    {
        var field = Defuse(value ?? "");
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
    }

    /// <summary>
    /// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some strip first)
    /// as a formula: a name like <c>=HYPERLINK(…)</c> typed into the catalog must open as text. A leading
    /// apostrophe makes it text (OWASP, "CSV Injection"). Plain numbers such as -0.05 are left alone: they
    /// cannot be formulas and must stay numbers.
    /// </summary>
    private static string Defuse(string value) =>
        value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !PlainNumber().IsMatch(value) ? "'" + value : value;

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
