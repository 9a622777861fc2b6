using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PricingApi.Data;

/// <summary>Stores an instant as UTC ticks; reads it back at offset zero (callers convert to the utility's zone).</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
