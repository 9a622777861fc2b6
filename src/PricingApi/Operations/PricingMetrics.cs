using System.Diagnostics.Metrics;

namespace PricingApi.Operations;

/// <summary>
/// The service's own meters, under the meter name <see cref="MeterName"/>. Counting costs next to nothing when no
/// listener is attached (telemetry is opt-in, see TelemetryExport).
/// </summary>
public static class PricingMetrics
{
    public const string MeterName = "PricingApi";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>("pricing.cache.hits", description: "Answers found in an in-memory cache, by cache.");
    public static readonly Counter<long> CacheMisses = Meter.CreateCounter<long>("pricing.cache.misses", description: "Answers that had to be read or rendered, by cache.");
    public static readonly Counter<long> CacheEvictions = Meter.CreateCounter<long>("pricing.cache.evictions", description: "Entries dropped to stay within a cache's byte budget, by cache.");
    public static readonly Counter<long> QuotesIssued = Meter.CreateCounter<long>("pricing.quotes.issued", description: "Quotes issued.");
    public static readonly Counter<long> VersionsPublished = Meter.CreateCounter<long>("pricing.versions.published", description: "Fee-list versions published.");
    public static readonly Counter<long> Requests = Meter.CreateCounter<long>("pricing.requests", description: "Requests answered, by route and status.");
}
