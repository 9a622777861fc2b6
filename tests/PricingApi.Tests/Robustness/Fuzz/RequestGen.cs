using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using PricingApi.Http;

namespace PricingApi.Tests.Robustness.Fuzz;

/// <summary>
/// Generated requests for one operation of the document: a caller of any role; path, query and header values that fit
/// their schemas or deliberately do not; and a body that fits its schema, starts from a known-good example, is
/// mutated in one place, or is not JSON at all.
/// </summary>
public sealed class RequestGen(ApiDocument document, IReadOnlyDictionary<string, JsonNode[]> examples)
{
    public static readonly string[] Roles = ["anonymous", "staff", "pricing-admin", "regulator", "unknown-key"];

    private readonly SchemaGen _schemas = new(document);

    public Gen<FuzzRequest> For(ApiOperation operation)
    {
        var path = operation.Parameters.Where(p => p.In == "path")
            .Aggregate(Gen.Const(new Dictionary<string, string>()), (gen, p) => gen.SelectMany(values =>
                PathValue(p).Select(v => new Dictionary<string, string>(values) { [p.Name] = v })));
        var query = operation.Parameters.Where(p => p.In == "query")
            .Aggregate(Gen.Const(new List<KeyValuePair<string, string>>()), (gen, p) => gen.SelectMany(list =>
                QueryValue(p).Select(v => v is null ? list : [.. list, new KeyValuePair<string, string>(p.Name, v)])));
        var extraQuery = Gen.Frequency((18, Gen.Const<string?>((string?)null)), (1, Gen.Const<string?>("unexpected=1")), (1, Gen.Const<string?>("repeat")));
        var headers = Headers(operation);
        var body = operation.Body is null ? Gen.Const<Generated?>((Generated?)null) : Body(operation).Select(g => (Generated?)g);
        var contentType = Gen.Frequency((20, Gen.Const<string?>("application/json")), (1, Gen.Const<string?>("text/plain")), (1, Gen.Const<string?>((string?)null)),
            (1, Gen.Const<string?>("application/json; charset=utf-8")), (1, Gen.Const<string?>("application/x-www-form-urlencoded")));

        // Every kind of caller, the one that may do most (pricing-admin) most often, so more requests get past the key check.
        var role = Gen.Frequency((1, Gen.Const("anonymous")), (2, Gen.Const("staff")), (3, Gen.Const("pricing-admin")), (2, Gen.Const("regulator")), (1, Gen.Const("unknown-key")));
        return Gen.Select(role, path, query, extraQuery, headers, body, contentType).Select((role, pathValues, queryValues, extra, headerValues, b, type) =>
        {
            var url = operation.Path;
            foreach (var (name, value) in pathValues)
            {
                url = url.Replace($"{{{name}}}", Uri.EscapeDataString(value));
            }

            var pairs = queryValues.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}").ToList();
            if (extra == "repeat" && pairs.Count > 0)
            {
                pairs.Add(pairs[0]);
            }
            else if (extra is not null && extra != "repeat")
            {
                pairs.Add(extra);
            }

            url += pairs.Count > 0 ? "?" + string.Join('&', pairs) : "";
            byte[]? bytes = null;
            if (b is not null)
            {
                if (b.LinkCode && b.Node is JsonObject o && o.ContainsKey("code"))
                {
                    // A PUT whose body names the item of its URL, so it gets past the code check to the rules; a POST with a new code.
                    o["code"] = pathValues.TryGetValue("code", out var code) ? code : b.Code;
                }

                bytes = b.Raw ?? Encoding.UTF8.GetBytes(b.Mutation?.ApplyAndWrite(b.Node) ?? b.Node?.ToJsonString(PricingJson.Options) ?? "null");
            }

            return new FuzzRequest(role, operation.Method, url, bytes, bytes is null ? null : type, headerValues);
        });
    }

    /// <summary>A body as generated: a JSON value (perhaps to be mutated) or raw bytes that are not JSON.</summary>
    private sealed record Generated(JsonNode? Node, BodyMutation? Mutation, byte[]? Raw, bool LinkCode, string Code);

    private Gen<Generated> Body(ApiOperation operation)
    {
        var fromSchema = _schemas.Valid(operation.Body!);
        var known = examples.TryGetValue(operation.Name, out var list) && list.Length > 0
            ? Gen.OneOfConst(list).Select(n => (JsonNode?)n.DeepClone())
            : fromSchema;
        var wellFormed = Gen.OneOf(fromSchema, known);
        var mutation = Gen.Frequency((6, Gen.Const<BodyMutation?>((BodyMutation?)null)), (5, BodyMutation.Any!));
        var parsed = Gen.Select(wellFormed, mutation, Gen.Frequency((1, Gen.Const(false)), (3, Gen.Const(true))), FuzzValues.Known["code"])
            .Select((n, m, link, code) => new Generated(n, m, null, link, code));
        var malformed = BodyMutation.Malformed(wellFormed.Select(n => n?.ToJsonString(PricingJson.Options) ?? "null"))
            .Select(bytes => new Generated(null, null, bytes, false, ""));
        return Gen.Frequency((9, parsed), (2, malformed));
    }

    private Gen<string> PathValue(ApiParameter parameter)
    {
        var known = parameter.Name switch
        {
            "version" => Gen.Int[1, 3].Select(v => v.ToString()),
            "code" => FuzzValues.Known["code"],
            "number" => Gen.Int[1, 5].Select(n => $"Q-2026-{n:D6}"),
            _ => ValueText(parameter.Schema, parameter.Name),
        };
        var hostile = Gen.OneOf(FuzzValues.Nasty, FuzzValues.ExtremeNumber, Gen.OneOfConst("１", "0x10", "1.5", "abc", "Q-2026-999999", "q-2026-000001"));
        // An empty value or a dot segment would address another route (or none): not a value of this parameter.
        return Gen.Frequency((4, known), (1, ValueText(parameter.Schema, parameter.Name)), (2, hostile))
            // Kestrel refuses a request target holding NUL (%00) with its own 400 before any route runs.
            .Select(v => v.Replace("\0", "") is "" or "." or ".." ? "x" : v.Replace("\0", ""));
    }

    private Gen<string?> QueryValue(ApiParameter parameter)
    {
        var wrong = Gen.OneOf(FuzzValues.Nasty, FuzzValues.ExtremeNumber, FuzzValues.UnknownEnum, FuzzValues.Time);
        return Gen.Frequency((3, Gen.Const<string?>((string?)null)), (4, ValueText(parameter.Schema, parameter.Name)!), (2, wrong!));
    }

    /// <summary>A value that fits the schema, written as text for a URL or a header.</summary>
    private Gen<string> ValueText(JsonNode schema, string name) =>
        _schemas.Valid(schema, name).Select(v => v switch
        {
            null => "",
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => v.ToJsonString(),
        });

    private static Gen<IReadOnlyList<KeyValuePair<string, string>>> Headers(ApiOperation operation)
    {
        var declared = operation.Parameters.Where(p => p.In == "header").Select(p => p.Name).ToList();
        var value = Gen.OneOf(Gen.Guid.Select(g => g.ToString()), Gen.String[Gen.Char['!', '~'], 1, 200], FuzzValues.Nasty)
            .Select(v => new string(v.Where(c => c is not ('\r' or '\n' or '\0')).ToArray()));
        var conditional = operation.Method switch
        {
            "GET" => ("If-None-Match", 1),
            "PUT" or "DELETE" => ("If-Match", 3),
            _ => (null, 0),
        };
        var etag = Gen.OneOfConst("*", "\"1\"", "\"2\"", "\"999\"", "W/\"1\"", "garbage", "\"", "\"1\", \"2\"");
        return Gen.Select(declared.Count == 0 ? Gen.Const<string?>((string?)null) : Gen.Frequency((1, Gen.Const<string?>((string?)null)), (1, value!)),
                Gen.Frequency((10 - conditional.Item2, Gen.Const<string?>((string?)null)), (conditional.Item2, etag!)))
            .Select((header, tag) =>
            {
                var list = new List<KeyValuePair<string, string>>();
                if (header is not null)
                {
                    list.Add(new(declared[0], header));
                }

                if (tag is not null && conditional.Item1 is { } name)
                {
                    list.Add(new(name, tag));
                }

                return (IReadOnlyList<KeyValuePair<string, string>>)list;
            });
    }
}
