using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PricingApi.ApiKeys;

namespace PricingApi.Http;

/// <summary>
/// Counts failed key checks per client address. Once an address has used up its failures for the window, any
/// request it sends with an X-Api-Key to a route that needs a key gets 429 before the key is even looked at, so keys
/// cannot be guessed at speed.
/// </summary>
public sealed class FailedKeyThrottle : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly PartitionedRateLimiter<string> _failures;

    public FailedKeyThrottle(IOptions<RateLimitOptions> options)
    {
        var limit = options.Value.FailedKeyChecksPerMinute;
        _failures = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = Window, QueueLimit = 0 }));
    }

    public void RecordFailure(string address) => _failures.AttemptAcquire(address).Dispose();

    public bool IsBlocked(string address) => _failures.GetStatistics(address)?.CurrentAvailablePermits <= 0;

    public void Dispose() => _failures.Dispose();

    /// <summary>
    /// Only routes that need a key are throttled: a public route answers the same with or without one, so it tells a
    /// guesser nothing, and the public fee list stays unlimited even for a client that sends a stale key.
    /// </summary>
    private static bool NeedsKey(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;

    public static IApplicationBuilder UseFailedKeyThrottle(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var throttle = context.RequestServices.GetRequiredService<FailedKeyThrottle>();
            if (context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) && NeedsKey(context.GetEndpoint())
                && throttle.IsBlocked(RateLimits.ClientAddress(context)))
            {
                await RateLimits.WriteTooManyAsync(context, Window, "Too many failed key checks from this address.");
                return;
            }

            await next(context);
        });
}
