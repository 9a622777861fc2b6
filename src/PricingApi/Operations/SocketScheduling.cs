namespace PricingApi.Operations;

/// <summary>
/// Where Kestrel runs a request once its bytes arrive. With <c>Server:InlineScheduling</c> on, it runs on the thread
/// that completed the socket read instead of being queued again to the thread pool: one hop fewer per request. Off by
/// default, from measurement (docs/benchmark.md, "Fifth round"): on, the public fee list cost about a tenth less CPU
/// per GET and per 304, but completions fell by about a tenth (group commit gathers smaller batches), and the fee list
/// is served from a CDN's cache where one is in front. An instance that serves mostly the public list may turn it on.
/// The completing thread is a thread-pool worker either way (.NET hands socket completions to the pool unless
/// DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS is set), so a request that blocks (SQLite's calls are synchronous)
/// holds one worker, not the socket engine.
/// </summary>
public static class SocketScheduling
{
    public const string Setting = "Server:InlineScheduling";

    public static WebApplicationBuilder AddSocketScheduling(this WebApplicationBuilder builder)
    {
        var inline = builder.Configuration.GetValue(Setting, false);
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = inline);
        return builder;
    }
}
