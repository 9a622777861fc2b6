using System.Text;
using System.Text.RegularExpressions;

namespace PricingApi.Http;

/// <summary>
/// Writes a table as CSV for people who open it in a spreadsheet: RFC 4180 (CRLF line ends, fields quoted when
/// they hold a comma, quote or line break, quotes doubled), UTF-8 with a byte-order mark so Excel reads Chinese
/// correctly, and a guard against formula injection: a text field that a spreadsheet would run as a formula
/// (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe. Plain numbers such as -1.50 are left as they are.
/// </summary>
public static partial class CsvWriter
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The table; <paramref name="preface"/> lines, if any, come before the header and say what the table is (a title, a version).</summary>
    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, IEnumerable<IReadOnlyList<string?>>? preface = null)
    {
        var text = new StringBuilder();
        foreach (var line in preface ?? [])
        {
            AppendRow(text, line);
        }

        AppendRow(text, header);
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
            {
                throw new ArgumentException($"A CSV row has {row.Count} fields; the header has {header.Count}.", nameof(rows));
            }

            AppendRow(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One field as it is written: guarded, then quoted if it needs to be.</summary>
    public static string Field(string? value)
    {
        var text = Guard(value ?? "");
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Field(fields[i]));
        }

        text.Append("\r\n");
    }

    private static string Guard(string value) =>
        value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !PlainNumber().IsMatch(value) ? "'" + value : value;

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
