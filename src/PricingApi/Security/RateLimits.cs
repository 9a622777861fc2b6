using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using FluentValidation;
using PricingApi.Configuration;

namespace PricingApi.Security;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Anonymous POSTs (the connection assessment) a client address may send per minute.</summary>
    public int AnonymousPostsPerMinute { get; set; } = 60;

    /// <summary>Failed key checks a client address may make per minute, on routes that need a key, before further failing keys get 429 (valid keys never do).</summary>
    public int FailedKeyChecksPerMinute { get; set; } = 10;
}

/// <summary>
/// Rate limits that stop flooding and key guessing without touching the public GETs a CDN caches (those stay
/// unlimited: the website and its cache depend on their speed). Refusals are 429 problem+json with Retry-After.
/// </summary>
public static class RateLimits
{
    /// <summary>The policy for anonymous POST routes; attach with <c>.RequireRateLimiting(RateLimits.AnonymousPosts)</c>.</summary>
    public const string AnonymousPosts = "anonymous-posts";

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<RateLimitOptions>(RateLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AnonymousPosts, context =>
            {
                var limit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value.AnonymousPostsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                return WriteTooManyAsync(context.HttpContext, retryAfter, "Too many requests from this address; wait before trying again.");
            };
        });
        return services;
    }

    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static ValueTask WriteTooManyAsync(HttpContext context, TimeSpan retryAfter, string detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = $"{detail} Retry after {seconds} s." },
        });
    }
}

public sealed class RateLimitOptionsValidator : AbstractValidator<RateLimitOptions>
{
    public RateLimitOptionsValidator()
    {
        RuleFor(o => o.AnonymousPostsPerMinute).AtLeast("RateLimits:AnonymousPostsPerMinute", 1);
        RuleFor(o => o.FailedKeyChecksPerMinute).AtLeast("RateLimits:FailedKeyChecksPerMinute", 1);
    }
}
