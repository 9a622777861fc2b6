namespace PricingApi.Utility;

/// <summary>
/// "Now" in the utility's zone. Wraps <see cref="TimeProvider"/> so tests can move the clock.
/// </summary>
public sealed class UtilityClock(TimeProvider time)
{
    public DateTimeOffset Now => Local(time.GetUtcNow());

    public static DateTimeOffset Local(DateTimeOffset instant) => instant.ToOffset(UtilityTime.Offset);
}
