using System.Globalization;

namespace PricingApi.Regulator;

/// <summary>
/// How a customer appears to a regulator: enough to tell charges apart and to follow up through the utility, never
/// enough to identify the person (张三 → 张*, 13812340000 → 138****0000). Staff read the full details on the quote.
/// </summary>
public static class Masking
{
    /// <summary>
    /// The first character and a star for each other one, counting characters as a reader does (text elements): a
    /// name in CJK Extension B (𠀀𠀁, two UTF-16 units a character) keeps its first character whole.
    /// </summary>
    public static string Name(string name)
    {
        if (name.Length == 0)
        {
            return "";
        }

        var first = StringInfo.GetNextTextElementLength(name);
        return string.Concat(name.AsSpan(0, first), new string('*', Math.Max(1, new StringInfo(name).LengthInTextElements - 1)));
    }

    public static string Phone(string phone) => phone.Length switch
    {
        0 => "",
        > 7 => string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4)),
        _ => string.Concat(new string('*', phone.Length - 2), phone.AsSpan(phone.Length - 2)),
    };
}
