using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace PricingApi.Http;

/// <summary>
/// Turns a body the JSON reader could not bind (malformed JSON, a string where a number belongs,
/// an unknown enum value) into a 400 validation problem that names the field, instead of an empty 400.
/// Minimal APIs throw these only because <c>RouteHandlerOptions.ThrowOnBadRequest</c> is on.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (field, message) = Describe(badRequest);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = badRequest.StatusCode,
            Title = badRequest.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                StatusCodes.Status415UnsupportedMediaType => "The request body's media type is not supported.",
                _ => "One or more validation errors occurred.",
            },
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
            // The reader's own message names .NET types and byte positions; say what the client can act on.
            if (json.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
            {
                return (field, $"'{field}' is named twice in the body; send each property once.");
            }

            return json.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? (field, $"'{field}' has a value of the wrong type or outside its allowed values (see the OpenAPI document).")
                : (field, field == "body" ? "The body is not valid JSON." : $"The body is not valid JSON at '{field}'.");
        }

        // No body where one is required: 'Implicit body inferred for parameter … but no body was provided.'
        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && !exception.Message.Contains("from \"", StringComparison.Ordinal))
        {
            return ("body", "A JSON request body is required.");
        }

        // A route or query value that does not parse: 'Failed to bind parameter "int page" from "abc".'
        if (BindingFailure().Match(exception.Message) is { Success: true } binding)
        {
            var name = binding.Groups["name"].Value;
            return (name, binding.Groups["value"].Success
                ? $"'{name}' must be {Describe(binding.Groups["type"].Value)}; '{binding.Groups["value"].Value}' is not."
                : $"'{name}' is required.");
        }

        return exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ("body", "The request body exceeds the size limit."),
            StatusCodes.Status415UnsupportedMediaType => ("body", "Send the body as application/json."),
            _ => ("request", "The request could not be read."),
        };
    }

    // The framework writes the parameter's type as C# would, e.g. "int?" or "Nullable<int>".
    private static string Describe(string type) => type.Replace("Nullable<", "").TrimEnd('>', '?') switch
    {
        "int" or "long" => "a whole number",
        "decimal" => "a number",
        "bool" => "true or false",
        "DateTimeOffset" => "a time in ISO 8601",
        _ => "a value of the right type",
    };

    [System.Text.RegularExpressions.GeneratedRegex("(?:Failed to bind|Required) parameter \"(?<type>[^ \"]+) (?<name>[^\"]+)\"(?: from \"(?<value>.*)\")?")]
    private static partial System.Text.RegularExpressions.Regex BindingFailure();
}
