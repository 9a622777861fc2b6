using System.Globalization;

namespace PricingApi.Regulator;

/// <summary>
/// How a customer appears to a regulator: enough to tell charges apart and to follow up through the utility, never
/// enough to identify the person (张三 → 张*, 13812340000 → 138****0000). Staff read the full details on the quote.
/// </summary>
public static class Masking
{
    /// <summary>
    /// The first character and one star, whatever the length (张三 and 欧阳娜娜 → 张*, 欧*): a star per character would
    /// tell the name's length, and with the surname that narrows it to a few people. A one-character name is a star
    /// alone, since its first character is the whole name. Characters are counted as a reader does (text elements): a
    /// name in CJK Extension B (𠀀𠀁, two UTF-16 units a character) keeps its first character whole.
    /// </summary>
    public static string Name(string name)
    {
        if (name.Length == 0)
        {
            return "";
        }

        var first = StringInfo.GetNextTextElementLength(name);
        return first == name.Length ? "*" : string.Concat(name.AsSpan(0, first), "*");
    }

    public static string Phone(string phone) => phone.Length switch
    {
        0 => "",
        > 7 => string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4)),
        _ => string.Concat(new string('*', phone.Length - 2), phone.AsSpan(phone.Length - 2)),
    };
}
