using FluentValidation;

namespace PricingApi.Http;

/// <summary>
/// Text a person typed: no control characters except tab and line breaks, and no broken UTF-16 (a surrogate without
/// its pair). Neither belongs in a name, an address or a filter, and PostgreSQL cannot store NUL in text at all:
/// without this rule a NUL was a 500 there instead of a 400.
/// </summary>
public static class PlainText
{
    public const string Message = "'{PropertyName}' holds a control character or broken Unicode; send plain text.";

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
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return false;
            }
        }

        return true;
    }
}
