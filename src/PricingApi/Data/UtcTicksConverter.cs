using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PricingApi.Data;

/// <summary>Stores an instant as UTC ticks; reads it back at offset zero (callers convert to the utility's zone).</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));

/// <summary>Normalises an instant to offset zero for PostgreSQL's timestamptz.</summary>
public sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);
