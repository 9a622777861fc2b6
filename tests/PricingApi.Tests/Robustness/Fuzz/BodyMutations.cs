using System.Text;
using System.Text.Json.Nodes;
using PricingApi.Http;
using CsCheck;

namespace PricingApi.Tests.Robustness.Fuzz;

/// <summary>One change to a well-formed body: at the <see cref="Location"/>-th value in document order, do <see cref="Kind"/>.</summary>
public sealed record BodyMutation(BodyMutation.Change Kind, int Location, string Replacement)
{
    public enum Change { Remove, Replace, AddUnknownProperty }

    /// <summary>A missing field, a value of the wrong type or range, a hostile string, an unknown enum value, nesting past any limit, an extra field.</summary>
    public static readonly Gen<BodyMutation> Any = Gen.Select(
        Gen.Frequency(
            (2, Gen.Const(Change.Remove)),
            (8, Gen.Const(Change.Replace)),
            (1, Gen.Const(Change.AddUnknownProperty))),
        Gen.Int[0, 1_000],
        Gen.Frequency(
            (3, Gen.OneOfConst("123", "-1", "\"text\"", "true", "false", "null", "{}", "[]", "[1,2]", "{\"a\":1}", "\"1.5\"", "\"2026-12-01T00:00:00+08:00\"")),
            (3, FuzzValues.ExtremeNumber),
            (3, FuzzValues.Nasty.Select(s => JsonValue.Create(s).ToJsonString())),
            (1, Gen.OneOfConst("\"\\ud800\"", "\"a\\udc00b\"", "\"\\u0000\"", "\"\\ud83d\\udca7\"")), // a lone surrogate, NUL, a valid pair
            (2, FuzzValues.UnknownEnum.Select(s => JsonValue.Create(s).ToJsonString())),
            (1, Gen.OneOfConst(1_000, 20_000, 90_000).Select(n => JsonValue.Create(new string('长', n)).ToJsonString())),
            (1, Gen.Const(new string('[', 70) + new string(']', 70)))))
        .Select((kind, location, replacement) => new BodyMutation(kind, location, replacement));

    /// <summary>The body with this change, as JSON text. The replacement goes in as text, so it may be what no JSON writer would write (1e400, a lone surrogate).</summary>
    public string ApplyAndWrite(JsonNode? body)
    {
        var slots = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(body, slots);
        if (slots.Count == 0)
        {
            return Replacement;
        }

        var (parent, key, index) = slots[Location % slots.Count];
        switch (parent)
        {
            case JsonObject o when Kind == Change.AddUnknownProperty:
                o["unexpected" + Location] = Marker;
                break;
            case JsonObject o when Kind == Change.Remove:
                o.Remove(key!);
                break;
            case JsonObject o:
                o[key!] = Marker;
                break;
            case JsonArray a when Kind == Change.Remove:
                a.RemoveAt(index);
                break;
            case JsonArray a:
                a[index] = Marker;
                break;
        }

        return body!.ToJsonString(PricingJson.Options).Replace($"\"{Marker}\"", Replacement, StringComparison.Ordinal);
    }

    private const string Marker = "__fuzz_replaced_here__";

    private static void Collect(JsonNode? node, List<(JsonNode, string?, int)> slots)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o.ToList())
                {
                    slots.Add((o, key, 0));
                    Collect(child, slots);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add((a, null, i));
                    Collect(a[i], slots);
                }

                break;
        }
    }

    /// <summary>Bodies that are not JSON at all, or only nearly: cut short, garbled, the wrong encoding, nested 10,000 deep.</summary>
    public static Gen<byte[]> Malformed(Gen<string> wellFormed) => Gen.OneOf(
        Gen.Select(wellFormed, Gen.Int[0, 10_000]).Select((text, at) => Utf8(text[..(at % (text.Length + 1))])),
        Gen.Select(wellFormed, Gen.Int[0, 10_000], Gen.Char["{}[]\",:\\'x0 \u0000"]).Select((text, at, c) => Utf8(text.Insert(at % (text.Length + 1), c.ToString()))),
        Gen.OneOfConst("", " ", "{", "}", "null", "[]", "\"text\"", "42", "{\"a\":}", "{'code':'x'}", "{\"code\":\"x\",}", "\ufeff{}",
            "{\"code\":\"\\uZZZZ\"}", "{\"code\":\"\\ud800\"}", "{\"name\":\"\\u0000\"}", "{\"kind\":\"extended\",\"kind\":\"basic\"}", "NaN", "{\"a\":1} {\"b\":2}").Select(Utf8),
        Gen.Const(Utf8(new string('[', 10_000) + new string(']', 10_000))),
        Gen.Const(new byte[] { (byte)'{', (byte)'"', (byte)'n', (byte)'a', (byte)'m', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xFF, 0xFE, 0xC0, 0xAF, (byte)'"', (byte)'}' }),
        wellFormed.Select(text => Encoding.Unicode.GetBytes(text)));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
