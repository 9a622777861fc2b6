using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using PricingApi.Operations;
using PricingApi.Utility;
using PricingApi.Http;

namespace PricingApi.OpenApi;

/// <summary>
/// What the generator cannot know and a validating client (Prism, Spectral, Swagger UI) relies on: enums that accept
/// null exactly once, binary downloads as binary, fields the service always writes as required, the response
/// headers it sends, the health routes (mapped outside the API explorer), a relative server and a contact.
/// </summary>
public static class OpenApiContract
{
    public static OpenApiOptions AddContractFixes(this OpenApiOptions options) =>
        options.AddSchemaTransformer(RequireWhatIsAlwaysWrittenAsync)
            .AddOperationTransformer(DeclareHeadersAsync)
            .AddDocumentTransformer(FixDocumentAsync);

    /// <summary>
    /// Response fields: the service writes every non-null value (nulls are left out, see <see cref="PricingJson"/>), so a
    /// field whose type cannot be null is always there. Request bodies are left to <see cref="Validation.ValidatorSchemas"/>: what
    /// they require is what the validators require, not what the C# type suggests.
    /// </summary>
    private static Task RequireWhatIsAlwaysWrittenAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 } properties
            || OpenApiSetup.IsRequest(type, context.ApplicationServices)
            || type.Assembly != typeof(OpenApiContract).Assembly)
        {
            return Task.CompletedTask;
        }

        var nullability = new NullabilityInfoContext();
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (properties.ContainsKey(property.Name) && property.Get is not null && CannotBeNull(property, nullability))
            {
                (schema.Required ??= new HashSet<string>()).Add(property.Name);
            }
        }

        return Task.CompletedTask;
    }

    private static bool CannotBeNull(JsonPropertyInfo property, NullabilityInfoContext nullability) =>
        property.AttributeProvider switch
        {
            _ when property.PropertyType.IsValueType => Nullable.GetUnderlyingType(property.PropertyType) is null,
            PropertyInfo p => nullability.Create(p).ReadState == NullabilityState.NotNull,
            FieldInfo f => nullability.Create(f).ReadState == NullabilityState.NotNull,
            _ => false,
        };

    /// <summary>The headers the pipeline and the handlers send, by status.</summary>
    private static Task DeclareHeadersAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.Responses is not { } responses)
        {
            return Task.CompletedTask;
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Header && parameter.Name == Idempotency.KeyHeader && parameter.Schema is OpenApiSchema key)
            {
                // What Idempotency.Invalid accepts; anything else is a 400.
                (key.MinLength, key.MaxLength, key.Pattern) = (1, Idempotency.MaxKeyLength, "^[!-~]+$");
                parameter.Description = $"Optional. 1 to {Idempotency.MaxKeyLength} visible ASCII characters, e.g. a UUID: a retry with the same key answers the first result again.";
                parameter.Example = JsonValue.Create("3f2b8c1e-6a4d-4e0b-9c57-2d1f0a9b7e64");
            }
        }

        var cached = responses.ContainsKey("304");
        var replayable = operation.Parameters?.Any(p => p.In == ParameterLocation.Header && p.Name == Idempotency.KeyHeader) == true;
        foreach (var (status, declared) in responses)
        {
            if (declared is not OpenApiResponse response)
            {
                continue;
            }

            var headers = response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            headers.TryAdd(RequestIdMiddleware.Header, Header("The request's id, also in the service's log lines; quote it when reporting a problem."));
            if (cached && status is "200" or "304")
            {
                headers.TryAdd("ETag", Header("A strong tag of this representation; send it back in If-None-Match for a 304 when nothing changed.", required: true));
                headers.TryAdd("Cache-Control", Header("How long shared caches and browsers may keep it: `public, max-age=…` for the list in effect, `immutable` for a named version, `private, no-store` whenever a key was sent."));
            }

            if (status is "201" or "202")
            {
                headers.TryAdd("Location", Header("Where the created resource (or the proposal waiting for approval) can be read.", required: true));
            }

            if (status is "429" or "503")
            {
                headers.TryAdd("Retry-After", Header("Seconds to wait before trying again.", integer: true));
            }

            if (replayable && status is "200" or "201")
            {
                headers.TryAdd(Idempotency.ReplayedHeader,
                    Header("`true` when this answer repeats the one given earlier to the same Idempotency-Key (nothing was done again); absent otherwise."));
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiHeader Header(string description, bool required = false, bool integer = false) => new()
    {
        Description = description,
        Required = required,
        Schema = new OpenApiSchema { Type = integer ? JsonSchemaType.Integer : JsonSchemaType.String },
    };

    private static Task FixDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        // Relative: the generator would name the server from the request's Host header, which any client chooses.
        document.Servers = [new OpenApiServer { Url = "/", Description = "This service, wherever it is reached." }];
        var utility = context.ApplicationServices.GetRequiredService<IOptions<UtilityOptions>>().Value;
        document.Info.Contact = new OpenApiContact { Name = $"{utility.Publisher} {utility.PublisherEn} (服务电话 service phone {utility.ServicePhone})" };

        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            TypeEnum(schema);
        }

        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var media in operation.Responses?.Values.SelectMany(r => r.Content?.Values ?? []) ?? [])
            {
                if (media.Schema is OpenApiSchema { Format: "byte" } bytes)
                {
                    // A download is the file's own bytes, not base64 text.
                    bytes.Format = "binary";
                }
            }
        }

        AddHealthRoutes(document);
        return Task.CompletedTask;
    }

    /// <summary>/healthz and /readyz are health-check endpoints, which the API explorer does not list; a load balancer's author reads them here.</summary>
    private static void AddHealthRoutes(OpenApiDocument document)
    {
        document.Tags ??= new HashSet<OpenApiTag>();
        if (!document.Tags.Any(t => t.Name == "Operations"))
        {
            document.Tags.Add(new OpenApiTag { Name = "Operations", Description = "Health probes for load balancers and containers." });
        }

        var check = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "status" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["status"] = HealthStatus(),
                ["description"] = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };
        var report = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "status", "checks" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["status"] = HealthStatus(),
                ["checks"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = check },
            },
        };
        document.Paths["/healthz"] = HealthPath(document, "GetLiveness", "Liveness: 200 while the process runs.",
            "Checks nothing beyond the process answering: for a container's liveness probe. Never cached.", report, ready: false);
        document.Paths["/readyz"] = HealthPath(document, "GetReadiness", "Readiness: 200 when the database answers and is migrated, else 503.",
            "For a load balancer: take the instance out of rotation while this answers 503. `checks.database` says why. Never cached.", report, ready: true);
    }

    private static OpenApiSchema HealthStatus() => new()
    {
        Type = JsonSchemaType.String,
        Enum = [JsonValue.Create("Healthy"), JsonValue.Create("Degraded"), JsonValue.Create("Unhealthy")],
    };

    private static OpenApiPathItem HealthPath(OpenApiDocument document, string id, string summary, string description, OpenApiSchema report, bool ready)
    {
        OpenApiResponse Answer(string text) => new()
        {
            Description = text,
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                [RequestIdMiddleware.Header] = Header("The request's id, also in the service's log lines."),
                ["Cache-Control"] = Header("`no-store`: a health answer is only true now.", required: true),
            },
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = report } },
        };

        var responses = new OpenApiResponses { ["200"] = Answer(ready ? "Ready to serve." : "Alive.") };
        if (ready)
        {
            responses["503"] = Answer("Not ready: the database does not answer or is not migrated.");
        }

        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    OperationId = id,
                    Summary = summary,
                    Description = description,
                    Tags = new HashSet<OpenApiTagReference> { new("Operations", document) },
                    Responses = responses,
                },
            },
        };
    }

    /// <summary>
    /// A nullable enum's component lists null among its values and is also referenced as oneOf [null, $ref], so null
    /// matched twice and was refused. The component now holds the values only, with their type; where null is allowed
    /// the reference's oneOf says so, once.
    /// </summary>
    private static void TypeEnum(OpenApiSchema schema)
    {
        if (schema.Enum is not { Count: > 0 } values)
        {
            return;
        }

        schema.Enum = values.Where(v => v is not null && v.GetValueKind() != System.Text.Json.JsonValueKind.Null).ToList();
        schema.Type ??= schema.Enum.All(v => v is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String)
            ? JsonSchemaType.String
            : JsonSchemaType.Integer;
    }
}
