using FluentValidation;

namespace PricingApi.Validation;

/// <summary>
/// Text a person typed: no control characters except tab and line breaks, no invisible bidi or zero-width characters, and no broken UTF-16 (a surrogate without
/// its pair). Neither belongs in a name, an address or a filter, and PostgreSQL cannot store NUL in text at all:
/// without this rule a NUL was a 500 there instead of a 400.
/// </summary>
public static class PlainText
{
    public const string Message = "'{PropertyName}' holds a control character, an invisible bidirectional or zero-width character, or broken Unicode; send plain text.";

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
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || IsInvisibleControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Bidirectional controls (U+202A–U+202E, U+2066–U+2069) and zero-width characters (U+200B–U+200F, U+2060, U+FEFF):
    /// invisible, yet they reorder or hide what a reader sees, so "U+202E" can make a name read like a price.
    /// </summary>
    private static bool IsInvisibleControl(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or (>= '\u200B' and <= '\u200F') or '\u2060' or '\uFEFF';
}
