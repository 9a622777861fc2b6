using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PricingApi.Security;

namespace PricingApi.ApiKeys;

/// <summary>
/// Counts failed key checks per client address, on routes that need a key only. Past the limit, a key that fails
/// its check gets 429 with the real time left in the address's window; a key that passes is always let through, so
/// clients sharing an address (everyone behind the utility's proxy) cannot lock a valid key out, by malice or by a
/// forgotten revoked key.
/// </summary>
/// <remarks>
/// Refusing valid keys too would only slow a guesser who has no chance anyway (the secret is 256 random bits); what
/// the throttle is for is telling a misbehaving client to stop, and that it does.
/// </remarks>
public sealed class FailedKeyThrottle(TimeProvider time, IOptions<RateLimitOptions> options)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Windows are dropped once over; a flood from many addresses is bounded by pruning at this many.
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Counter> _windows = new();

    private sealed class Counter(DateTimeOffset start)
    {
        public DateTimeOffset Start = start;
        public int Failures;
    }

    /// <summary>Counts a failure; returns how long until the address's window ends once it is past the limit, else null.</summary>
    public TimeSpan? RecordFailure(string address)
    {
        var now = time.GetUtcNow();
        if (_windows.Count > PruneAbove)
        {
            Prune(now);
        }

        var counter = _windows.GetOrAdd(address, _ => new Counter(now));
        lock (counter)
        {
            if (now - counter.Start >= Window)
            {
                counter.Start = now;
                counter.Failures = 0;
            }

            counter.Failures++;
            return counter.Failures > options.Value.FailedKeyChecksPerMinute ? counter.Start + Window - now : null;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (address, counter) in _windows)
        {
            if (now - counter.Start >= Window)
            {
                _windows.TryRemove(KeyValuePair.Create(address, counter));
            }
        }
    }

    /// <summary>
    /// Whether the route needs a key. A public route answers the same with or without one, so a failed check there
    /// tells a guesser nothing and counts against nobody.
    /// </summary>
    public static bool NeedsKey(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
}
