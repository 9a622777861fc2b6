using System.Globalization;
using FluentValidation;

namespace PricingApi.Validation;

/// <summary>
/// Text a person typed: no control characters except tab and line breaks, no invisible characters (bidirectional and
/// zero-width ones, fillers, separators; see <see cref="IsInvisible"/>), and no broken UTF-16 (a surrogate without its pair). Neither belongs in a name, an address or a filter, and PostgreSQL cannot store NUL in text at all:
/// without this rule a NUL was a 500 there instead of a 400.
/// </summary>
public static class PlainText
{
    public const string Message = "'{PropertyName}' holds a control character, an invisible character (bidirectional, zero-width, a soft hyphen, a filler), or broken Unicode; send plain text.";

    public static IRuleBuilderOptions<T, string?> IsPlainText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Allows).WithMessage(Message);

    public static bool Allows(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c) && !char.IsSurrogatePair(text, i))
            {
                return false;
            }

            if (c is not ('\t' or '\n' or '\r') && IsInvisible(CharUnicodeInfo.GetUnicodeCategory(text, i), char.ConvertToUtf32(text, i)))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }

        return true;
    }

    /// <summary>
    /// Characters a reader cannot see, yet that change what is read or found: controls; format characters (Unicode
    /// category Cf: the bidirectional controls U+202A–U+202E, U+2066–U+2069 and U+061C, the zero-width characters
    /// U+200B–U+200F, U+2060–U+2064 and U+FEFF, the soft hyphen, tags); line and paragraph separators (U+2028, U+2029);
    /// the combining grapheme joiner (U+034F); and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), letters that
    /// print as nothing. "王\u00AD五" looks like 王五 on a receipt but is not found by a search for it, and a name of one
    /// filler passes "not empty" while showing nothing. Private-use characters and variation selectors stay allowed:
    /// rare characters in Chinese names are written with them. So does U+180E, which Mongolian script needs.
    /// </summary>
    private static bool IsInvisible(UnicodeCategory category, int codePoint) =>
        (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
         && codePoint != MongolianVowelSeparator)
        || codePoint is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0;

    /// <summary>U+180E, a format character that ordinary words in traditional Mongolian script need (names and addresses in Inner Mongolia).</summary>
    private const int MongolianVowelSeparator = 0x180E;
}
