namespace PricingApi.Regulator;

/// <summary>
/// How a customer appears to a regulator: enough to tell charges apart and to follow up through the utility, never
/// enough to identify the person (张三 → 张*, 13812340000 → 138****0000). Staff read the full details on the quote.
/// </summary>
public static class Masking
{
    public static string Name(string name) =>
        name.Length == 0 ? "" : string.Concat(name.AsSpan(0, 1), new string('*', Math.Max(1, name.Length - 1)));

    public static string Phone(string phone) => phone.Length switch
    {
        0 => "",
        > 7 => string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4)),
        _ => string.Concat(new string('*', phone.Length - 2), phone.AsSpan(phone.Length - 2)),
    };
}
