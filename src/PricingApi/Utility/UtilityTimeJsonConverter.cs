using System.Text.Json;
using System.Text.Json.Serialization;

namespace PricingApi.Utility;

/// <summary>Reads times per <see cref="UtilityTime.TryParse"/>; writes every time at the utility's offset, whatever the database returned.</summary>
public sealed class UtilityTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !UtilityTime.TryParse(reader.GetString(), out var value))
        {
            throw new JsonException("The JSON value could not be converted to a date-time.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(UtilityTime.Format(value));
}
