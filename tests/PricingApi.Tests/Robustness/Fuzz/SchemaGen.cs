using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;

namespace PricingApi.Tests.Robustness.Fuzz;

/// <summary>
/// Values that fit a JSON schema of the document: its types, enums, required properties, lengths and ranges.
/// Strings whose field name the fuzzer knows (a service code, a district, a phone) come from
/// <see cref="FuzzValues.Known"/> half of the time, so generated requests also get past the validators.
/// </summary>
public sealed class SchemaGen(ApiDocument document)
{
    public Gen<JsonNode?> Valid(JsonNode schema, string? name = null, int depth = 0)
    {
        schema = document.Resolve(schema);
        if (schema["oneOf"] is JsonArray oneOf)
        {
            var alternatives = oneOf.Select(s => (IsNull(s!) ? 1 : 4, (IGen<JsonNode?>)Valid(s!, name, depth))).ToArray();
            return Gen.Frequency(alternatives);
        }

        if (schema["enum"] is JsonArray values)
        {
            // A node can sit in one document only: clone the enum value for each use.
            return Gen.OneOfConst(values.ToArray()).Select(v => v?.DeepClone());
        }

        var types = Types(schema);
        var chosen = types.Where(t => t != "null").Select(t => (4, (IGen<JsonNode?>)ForType(t, schema, name, depth))).ToList();
        if (types.Contains("null") || chosen.Count == 0)
        {
            chosen.Add((1, Gen.Const<JsonNode?>((JsonNode?)null)));
        }

        return Gen.Frequency(chosen.ToArray());
    }

    private Gen<JsonNode?> ForType(string type, JsonNode schema, string? name, int depth) => type switch
    {
        "object" => Object(schema, depth),
        "array" => Valid(schema["items"]!, name, depth + 1).Array[Int(schema, "minItems") ?? 0, Math.Min(Int(schema, "maxItems") ?? 4, 4)]
            .Select(items => (JsonNode?)new JsonArray(items)),
        "boolean" => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        "integer" => Integer(schema).Select(i => (JsonNode?)JsonValue.Create(i)),
        "number" => Number(schema).Select(d => (JsonNode?)JsonValue.Create(d)),
        _ => Text(schema, name).Select(s => (JsonNode?)JsonValue.Create(s)),
    };

    /// <summary>Every required property, and each optional one half of the time.</summary>
    private Gen<JsonNode?> Object(JsonNode schema, int depth)
    {
        var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        Gen<List<KeyValuePair<string, JsonNode?>>> properties = Gen.Const(new List<KeyValuePair<string, JsonNode?>>());
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var value = depth > 4 ? Gen.Const<JsonNode?>((JsonNode?)null) : Valid(property!, name, depth + 1);
            var include = required.Contains(name) ? Gen.Const(true) : Gen.Bool;
            properties = properties.SelectMany(list => Gen.Select(include, value).Select(pair =>
                pair.Item1 ? [.. list, new KeyValuePair<string, JsonNode?>(name, pair.Item2)] : list));
        }

        return properties.Select(list => (JsonNode?)new JsonObject(list));
    }

    public static Gen<long> Integer(JsonNode schema)
    {
        var min = Long(schema, "minimum") ?? (Long(schema, "exclusiveMinimum") + 1) ?? -10;
        var max = Long(schema, "maximum") ?? (Long(schema, "exclusiveMaximum") - 1) ?? 1_000;
        return Gen.OneOf(Gen.Long[min, Math.Min(max, min + 50)], Gen.Long[min, max]);
    }

    /// <summary>Amounts to the fen, inside the declared range.</summary>
    public static Gen<decimal> Number(JsonNode schema)
    {
        var min = Dec(schema, "minimum") ?? (Dec(schema, "exclusiveMinimum") + 0.01m) ?? 0m;
        var max = Dec(schema, "maximum") ?? (Dec(schema, "exclusiveMaximum") - 0.01m) ?? 100_000m;
        var fen = Gen.OneOf(Gen.Long[(long)(min * 100), (long)Math.Min(max * 100, min * 100 + 100_000)], Gen.Long[(long)(min * 100), (long)(max * 100)]);
        return fen.Select(f => f / 100m);
    }

    private static Gen<string> Text(JsonNode schema, string? name)
    {
        if (schema["format"]?.GetValue<string>() == "date-time")
        {
            return FuzzValues.Time;
        }

        var min = Int(schema, "minLength") ?? 0;
        var max = Math.Min(Int(schema, "maxLength") ?? 40, 40);
        var text = Gen.String[FuzzValues.TextChar, Math.Max(min, 1), Math.Max(max, min)];
        return name is not null && FuzzValues.Known.TryGetValue(name, out var known) ? Gen.OneOf(known, text) : text;
    }

    private static List<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
        JsonValue one => [one.GetValue<string>()],
        _ => schema["properties"] is not null ? ["object"] : ["string"],
    };

    private static bool IsNull(JsonNode schema) => schema["type"] is JsonValue v && v.GetValue<string>() == "null";

    private static int? Int(JsonNode schema, string key) => schema[key]?.GetValue<int>();

    private static long? Long(JsonNode schema, string key) => schema[key] is { } v ? (long)decimal.Parse(v.ToJsonString(), CultureInfo.InvariantCulture) : null;

    private static decimal? Dec(JsonNode schema, string key) => schema[key] is { } v ? decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
