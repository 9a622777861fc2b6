namespace PricingApi.Tests.Infrastructure;

/// <summary>A clock the test moves by hand. Timestamps (for elapsed-time caches) stay real.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <summary>A Monday morning in Kunming, well after every date the tests use as "the past".</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public DateTimeOffset Now => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset to) => _now = to;
}
