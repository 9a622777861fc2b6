using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace PricingApi.Http;

/// <summary>
/// Names the query value that a route's compiled binding could not parse. The request delegate generator (which
/// compiles each route's parameter binding at build time) refuses an unparsable value of a nullable number such as
/// <c>?page=abc</c> with a bare 400, where every other binding failure throws and reaches
/// <see cref="BadRequestExceptionHandler"/>. On such a bare 400 (see <see cref="BareRefusals"/>) this finds the value
/// among the route's parameters, as the exception the framework throws elsewhere, so the client reads the same named error.
/// </summary>
public static class UnparsedQueryValues
{
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
