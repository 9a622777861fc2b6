using System.Globalization;

namespace PricingApi.Utility;

/// <summary>
/// Reads times as clients write them. A time with an offset means that instant; a time without one is
/// read in the utility's zone (+08:00), because that is what a clerk in Kunming means by "1 December, 00:00".
/// </summary>
public static partial class UtilityTime
{
    /// <summary>Asia/Shanghai: China Standard Time has been a fixed +08:00, without daylight saving, since 1991.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>
    /// The first and last day of the calendar are refused: a time there cannot be read without an offset, or written
    /// at +08:00, without leaving the range of <see cref="DateTimeOffset"/>. No fee list takes effect in year 1 or 9999.
    /// </summary>
    private static readonly DateTime Earliest = DateTime.MinValue.AddDays(1), Latest = DateTime.MaxValue.AddDays(-1);

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        // A '+' in an unencoded query string arrives as a space: "2026-12-01T00:00:00 08:00".
        text = text.Trim().Replace(' ', '+');
        // The shape first: DateTime.TryParse alone reads "12/01/2026", "5/6" and "10:00" (today's date) as times.
        if (!Iso8601().IsMatch(text))
        {
            return false;
        }

        // Nanoseconds, as many languages write an instant (.123456789), are cut to the 100 ns .NET keeps: the rest
        // names no instant a fee list or a quote could tell apart.
        text = NanosecondDigits().Replace(text, "$1");
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }

        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            if (parsed < Earliest || parsed > Latest)
            {
                return false;
            }

            value = new DateTimeOffset(parsed, Offset);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
               && value.UtcDateTime >= Earliest && value.UtcDateTime <= Latest;
    }

    /// <summary>The time <paramref name="text"/> names, or null when it is absent or not a time (validators refuse those first).</summary>
    public static DateTimeOffset? ReadOrNull(string? text) => TryParse(text, out var value) ? value : null;

    /// <summary>Whole milliseconds: the precision every stored time shares, so "now" compares the same before and after a round trip.</summary>
    public static DateTimeOffset ToMillisecond(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, t.Offset);

    /// <summary>ISO 8601 at the utility's offset, with fractions of a second only when there are any.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToOffset(Offset).ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// A date, or a date and time with or without seconds, fraction and offset (Z or ±hh:mm); nothing else.
    /// An offset needs a time: "2026-12-01+08:00" names no instant a clerk would write. The OpenAPI document shows it.
    /// </summary>
    public const string Pattern = @"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$";

    /// <summary>What <see cref="Pattern"/> means, for the OpenAPI document.</summary>
    public const string Described =
        "ISO 8601: a date (2026-12-01), or a date and time with or without seconds (2026-12-01T09:30). Without an offset it is "
        + "Beijing time (+08:00); with one (Z, +08:00) it is that instant.";

    [System.Text.RegularExpressions.GeneratedRegex(Pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Iso8601();

    /// <summary>The eighth and ninth digits of a fraction (after the shape is checked, so there are at most nine).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(\.\d{7})\d{1,2}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NanosecondDigits();
}
