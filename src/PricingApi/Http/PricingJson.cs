using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PricingApi.Utility;

namespace PricingApi.Http;

/// <summary>
/// The JSON conventions of the whole API: camelCase, kebab-case enum values ("water-testing"),
/// numbers only as JSON numbers, Chinese written as itself rather than \u escapes, times with an offset.
/// </summary>
public static class PricingJson
{
    /// <summary>Options for documents serialised outside the HTTP pipeline (stored versions, audit).</summary>
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>
    /// <see cref="JsonSerializer.SerializeToUtf8Bytes{T}(T, JsonSerializerOptions?)"/> for documents that may run to
    /// megabytes (a version of thousands of items), with the same bytes. That method builds the JSON in a buffer from
    /// the shared array pool, which keeps a buffer of that size (8–16 MB for 10,000 items) for good once returned;
    /// written through a stream, the pool lends only small chunks and the large buffers are garbage, collected.
    /// </summary>
    public static byte[] SerializeLarge<T>(T value)
    {
        using var stream = new MemoryStream();
        JsonSerializer.Serialize(stream, value, Options);
        return stream.ToArray();
    }

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        // {"quantity":1,"quantity":9999} would otherwise be read as 9999, whatever a reviewer saw first.
        options.AllowDuplicateProperties = false;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Relaxed escaping writes 供水 as UTF-8, not \u4F9B\u6C34; responses are always application/json, never HTML.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtilityTimeJsonConverter());
        options.TypeInfoResolver ??= new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver();
        return options;
    }
}
