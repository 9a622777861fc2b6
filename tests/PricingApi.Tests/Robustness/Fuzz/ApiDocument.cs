using System.Text.Json.Nodes;

namespace PricingApi.Tests.Robustness.Fuzz;

/// <summary>One operation of the OpenAPI document: what a client may send, and every status it may answer.</summary>
public sealed record ApiOperation(
    string Name, string Method, string Path, IReadOnlyList<ApiParameter> Parameters, JsonNode? Body, IReadOnlySet<int> Statuses, bool NeedsKey)
{
    public override string ToString() => $"{Method} {Path}";
}

public sealed record ApiParameter(string Name, string In, JsonNode Schema, bool Required);

/// <summary>The service's own OpenAPI document, read as plain JSON, so the fuzzer knows only what a client knows.</summary>
public sealed class ApiDocument
{
    private readonly JsonNode _root;

    public ApiDocument(JsonNode root)
    {
        _root = root;
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                var operation = node!.AsObject();
                var parameters = (operation["parameters"]?.AsArray() ?? [])
                    .Select(p => new ApiParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"]!, p["required"]?.GetValue<bool>() ?? false))
                    .ToList();
                var statuses = operation["responses"]!.AsObject().Select(r => int.Parse(r.Key)).ToHashSet();
                var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                operations.Add(new ApiOperation(operation["operationId"]?.GetValue<string>() ?? $"{method} {path}", method.ToUpperInvariant(), path,
                    parameters, body, statuses, operation["security"] is not null));
            }
        }

        Operations = operations;
    }

    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>The schema itself, or the component a <c>$ref</c> names.</summary>
    public JsonNode Resolve(JsonNode schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference["#/components/schemas/".Length..];
            schema = _root["components"]!["schemas"]![name]!;
        }

        return schema;
    }
}
