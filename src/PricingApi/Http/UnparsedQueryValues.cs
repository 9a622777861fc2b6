using System.Reflection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace PricingApi.Http;

/// <summary>
/// Names the query value that a route's compiled binding could not parse. The request delegate generator (which
/// compiles each route's parameter binding at build time) refuses an unparsable value of a nullable number such as
/// <c>?page=abc</c> with a bare 400, where every other binding failure throws and reaches
/// <see cref="BadRequestExceptionHandler"/>. On such a bare 400 this finds the value among the route's parameters and
/// hands the handler the exception the framework throws elsewhere, so the client reads the same named error.
/// Runs only on a 400 that has no body yet: a request that binds pays nothing.
/// </summary>
public static class UnparsedQueryValues
{
    /// <summary>Wraps the status-code pages' default answer: a bare 400 naming an unparsable value gets that value's problem instead.</summary>
    public static void NameUnparsedQueryValues(this StatusCodePagesOptions options)
    {
        var fallback = options.HandleAsync;
        options.HandleAsync = async context =>
        {
            if (context.HttpContext.Response.StatusCode != StatusCodes.Status400BadRequest || Find(context.HttpContext) is not { } failure)
            {
                await fallback(context);
                return;
            }

            var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            await new BadRequestExceptionHandler(problems).TryHandleAsync(context.HttpContext, failure, context.HttpContext.RequestAborted);
        };
    }

    /// <summary>The first parsable parameter of the route whose query (or route) value does not parse, as the framework's own binding failure.</summary>
    internal static BadHttpRequestException? Find(HttpContext http)
    {
        foreach (var binding in http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            if (!binding.HasTryParse)
            {
                continue;
            }

            var type = Nullable.GetUnderlyingType(binding.ParameterInfo.ParameterType) ?? binding.ParameterInfo.ParameterType;
            var name = binding.ParameterInfo.GetCustomAttribute<FromQueryAttribute>()?.Name ?? binding.Name;
            var value = http.Request.RouteValues.TryGetValue(name, out var routed) ? routed?.ToString() : (string?)http.Request.Query[name];
            if (!string.IsNullOrEmpty(value) && Unparsed(type, value) is { } typeName)
            {
                return new BadHttpRequestException($"Failed to bind parameter \"{typeName} {name}\" from \"{value}\".");
            }
        }

        return null;
    }

    /// <summary>The type's name as C# writes it when <paramref name="value"/> does not parse as one; null when it does.</summary>
    /// <remarks>The routes bind whole numbers only; times and codes are bound as strings and checked by their validators.</remarks>
    private static string? Unparsed(Type type, string value)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return type == typeof(int) && !int.TryParse(value, invariant, out _) ? "int"
            : type == typeof(long) && !long.TryParse(value, invariant, out _) ? "long"
            : null;
    }
}
