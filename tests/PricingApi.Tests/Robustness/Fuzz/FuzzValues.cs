using System.Globalization;
using CsCheck;
using PricingApi.Quotes;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Robustness.Fuzz;

/// <summary>The fuzzer's dictionary: values that reach past the validators, and values chosen to break things.</summary>
public static class FuzzValues
{
    /// <summary>Codes seeded into every test database (seed/catalog.json), extended and basic.</summary>
    public static readonly string[] SeededCodes = ["EXT-TANK-CLEAN-20", "EXT-TEST-9", "EXT-PIPE-FLUSH-DN50", "EXT-LEAK-DN50", "BAS-APPLY", "BAS-SURVEY"];

    /// <summary>Values by field name, for the fields whose valid values a schema cannot list.</summary>
    public static readonly IReadOnlyDictionary<string, Gen<string>> Known = new Dictionary<string, Gen<string>>
    {
        ["code"] = Gen.OneOf(Gen.OneOfConst(SeededCodes), Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"], 1, 12].Select(s => "FUZZ-" + s)),
        ["serviceCode"] = Gen.OneOfConst(SeededCodes),
        ["district"] = Gen.OneOfConst("五华区", "盘龙", "昆明市官渡区", "西山区", "呈贡区", " 五华区 ", "经开区"),
        ["street"] = Gen.OneOfConst("华山街道", "华山", "拓东街道", "西翥街道", "关上街道", "马街街道"),
        ["phone"] = Gen.OneOfConst("13812345678", "+86 13912345678", "0871-63123456", "63123456", "0871-63123456-12"),
    };

    /// <summary>Mostly Chinese and ASCII letters, with the characters that break careless code now and then.</summary>
    public static readonly Gen<char> TextChar = Gen.Frequency(
        (6, Gen.Char['a', 'z']), (2, Gen.Char['\u4e00', '\u9fa5']), (1, Gen.Char[" -'\"\\<>&%;{}0123456789"]));

    private static readonly DateTimeOffset Now = TestClock.DefaultStart;

    /// <summary>ISO 8601 times around the test clock's now, in any offset or none, and the edges of the calendar.</summary>
    public static readonly Gen<string> Time = Gen.Frequency(
        (6, Gen.Select(Gen.Int[-400 * 24 * 60, 400 * 24 * 60], Gen.Int[-12, 14]).Select((minutes, offset) =>
            Now.AddMinutes(minutes).ToOffset(TimeSpan.FromHours(offset)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))),
        (1, Gen.Int[-400 * 24 * 60, 400 * 24 * 60].Select(minutes => Now.AddMinutes(minutes).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture))),
        (2, Gen.OneOfConst(
            "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-12:00", "0001-01-01T00:00:00",
            "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-12:00", "9999-12-31T23:59:59+14:00", "9999-12-31T23:59:59.9999999",
            "2026-02-30T00:00:00+08:00", "2026-12-01", "2026-12-01T24:00:00+08:00", "2026-12-01T00:00:00+25:00",
            "now", "", " ", "1764547200", "2026-12-01T00:00:00 08:00", "２０２６-12-01")));

    /// <summary>Strings that have broken services before: control characters, odd Unicode, injections, lengths.</summary>
    public static readonly Gen<string> Nasty = Gen.OneOf(
        Gen.OneOfConst(
            "", " ", "\u0000", "a\u0000b", "\t\r\n", "\u0007\u001b[31m", "\u0085\u2028", "\u202e\u0635\u0648\u062a", "🚰💧🧪", "\u200b", "e\u0301", "Ω≈ç√∫",
            "'; DROP TABLE \"CatalogItems\";--", "' OR '1'='1", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "%00", "%", "_", "\\", "\"",
            "null", "undefined", "NaN", "-1", "0", "1e400", "ＥＸＴ－ＴＡＮＫ", "  EXT-TEST-9  ", "ext-test-9", "\ufeffEXT-TEST-9"),
        Gen.Int[41, 300].Select(n => new string('A', n)),
        Gen.Int[1, 2_000].Select(n => new string('水', n)));

    /// <summary>Numbers at and past every edge a decimal, an int or a validator has, written as JSON number text.</summary>
    public static readonly Gen<string> ExtremeNumber = Gen.OneOfConst(
        "0", "-0", "-1", "-0.01", "0.001", "0.005", "1.005", "1e-30", "1E+2", "2147483647", "2147483648", "-2147483649",
        "100000000", "100000000.01", "99999999999999999999", "79228162514264337593543950335", "79228162514264337593543950336",
        "1e400", "-1e400", "3.14159265358979323846264338327950288419716939937510", "0.1e1", "10000", "10000.01");

    public static readonly Gen<string> UnknownEnum = Gen.OneOfConst("", "unknown", "WATER-TESTING", "Cleaning", "water_testing", "0", "1", " cleaning", "cleaning ");
}
