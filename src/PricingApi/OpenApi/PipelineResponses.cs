using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PricingApi.OpenApi;

/// <summary>
/// Declares on each operation the answers that the pipeline gives before its handler runs, so the document lists
/// every status a client can meet: 413 wherever a body is sent (size limit), 415 wherever that body is JSON (the
/// content type; a binary upload reads whatever it is sent), and 429 wherever a key is checked (the failed-key
/// throttle). Run it after the transformer that adds the security requirements, and again from an endpoint's own
/// transformer that declares its request body by hand (those run later).
/// </summary>
public static class PipelineResponses
{
    public static Task DeclareAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.RequestBody is not null)
        {
            Add(operation, context, StatusCodes.Status413PayloadTooLarge, "The body is larger than the configured limit (Limits:MaxRequestBodyBytes).");
            if (operation.RequestBody.Content?.ContainsKey("application/json") == true)
            {
                Add(operation, context, StatusCodes.Status415UnsupportedMediaType, "The body is not sent as application/json.");
            }
        }

        if (operation.Security is { Count: > 0 })
        {
            Add(operation, context, StatusCodes.Status429TooManyRequests, "Too many failed key checks from this address; Retry-After says when to try again.");
        }

        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description)
    {
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        });
    }
}
