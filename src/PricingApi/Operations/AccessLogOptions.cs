using FluentValidation;
using PricingApi.Configuration;

namespace PricingApi.Operations;

/// <summary>Section <c>AccessLog</c>. Whether the access log is written at all is its category's level (<see cref="RequestLog.Category"/>).</summary>
public sealed class AccessLogOptions
{
    public const string Section = "AccessLog";

    /// <summary>
    /// One line for every this many successful answers of the public fee list (200 or 304); 1 logs each. Read at start.
    /// At the default, the log costs the busiest route almost nothing while every other request keeps its own line.
    /// </summary>
    public int PublicFeeListOneIn { get; set; } = 100;
}

public sealed class AccessLogOptionsValidator : AbstractValidator<AccessLogOptions>
{
    public AccessLogOptionsValidator() => RuleFor(o => o.PublicFeeListOneIn).Within("AccessLog:PublicFeeListOneIn", 1, 1_000_000);
}

/// <summary>Endpoint metadata: this endpoint's successful answers are sampled in the access log (see <see cref="AccessLogOptions"/>).</summary>
public sealed class SampledInAccessLog
{
    public static readonly SampledInAccessLog Instance = new();

    private SampledInAccessLog()
    {
    }
}
