namespace PricingApi;

/// <summary>
/// A text in Chinese, for the customer, with its English beside it: a label on the page and in the downloads, a
/// reason in a connection assessment. One type for both, in the root namespace so every feature can use it without
/// importing another feature.
/// </summary>
public readonly record struct Bilingual(string Zh, string En)
{
    /// <summary>Several criteria as one clause: "甲；乙" / "a; b".</summary>
    public static Bilingual Join(IEnumerable<Bilingual> parts)
    {
        var list = parts.ToList();
        return new(string.Join("；", list.Select(p => p.Zh)), string.Join("; ", list.Select(p => p.En)));
    }

    /// <summary>Chinese, a space, English: how a spreadsheet cell or a plain-text line shows it.</summary>
    public override string ToString() => $"{Zh} {En}";
}
