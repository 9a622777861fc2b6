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

        bool joinersOnly = false, visible = false;
        var previous = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c) && !char.IsSurrogatePair(text, i))
            {
                return false;
            }

            var codePoint = char.ConvertToUtf32(text, i);
            if (c is not ('\t' or '\n' or '\r') && IsInvisible(CharUnicodeInfo.GetUnicodeCategory(text, i), codePoint))
            {
                return false;
            }

            // U+180E separates a Mongolian word's last vowel: after anything else (王\u180E五) it only hides text from a search.
            if (codePoint == MongolianVowelSeparator && previous is not (>= 0x1800 and <= 0x18AF))
            {
                return false;
            }

            // What is allowed for the sake of the character beside it prints nothing alone: a text of only those (and
            // spaces) is as blank as an empty one, and would pass "not empty" while showing nothing.
            if (ModifiesItsNeighbour(codePoint))
            {
                joinersOnly = true;
            }
            else if (!char.IsWhiteSpace(text, i))
            {
                visible = true;
            }

            previous = codePoint;
            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }

        return visible || !joinersOnly;
    }

    /// <summary>Variation selectors and U+180E: allowed for the character they attach to, invisible on their own.</summary>
    private static bool ModifiesItsNeighbour(int codePoint) =>
        codePoint is MongolianVowelSeparator or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    /// <summary>
    /// Characters a reader cannot see, yet that change what is read or found: controls; format characters (Unicode
    /// category Cf: the bidirectional controls U+202A–U+202E, U+2066–U+2069 and U+061C, the zero-width characters
    /// U+200B–U+200F, U+2060–U+2064 and U+FEFF, the soft hyphen, tags); line and paragraph separators (U+2028, U+2029);
    /// the combining grapheme joiner (U+034F); the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), the Khmer
    /// inherent vowels (U+17B4, U+17B5) and the blank Braille cell (U+2800), letters that print as nothing.
    /// "王\u00AD五" looks like 王五 on a receipt but is not found by a search for it, and a name of one filler passes
    /// "not empty" while showing nothing. Private-use characters and variation selectors stay allowed: rare characters in
    /// Chinese names are written with them. U+180E is left to <see cref="Allows"/>, which takes it inside a Mongolian word only.
    /// </summary>
    private static bool IsInvisible(UnicodeCategory category, int codePoint) =>
        (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
         && codePoint != MongolianVowelSeparator)
        || codePoint is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x17B4 or 0x17B5 or 0x2800;

    /// <summary>U+180E, a format character that ordinary words in traditional Mongolian script need (names and addresses in Inner Mongolia).</summary>
    private const int MongolianVowelSeparator = 0x180E;
}
