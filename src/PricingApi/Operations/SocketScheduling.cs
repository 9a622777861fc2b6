namespace PricingApi.Operations;

/// <summary>
/// Where Kestrel runs a request once its bytes arrive. With <c>Server:InlineScheduling</c> (on by default) it runs on
/// the thread that completed the socket read instead of being queued again to the thread pool: one hop fewer per
/// request, measured in docs/benchmark.md. That thread is a thread-pool worker here too (.NET hands socket completions
/// to the pool unless DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS is set, which this service never sets), so a
/// request that blocks (SQLite's calls are synchronous) holds one worker, as it did before, not the socket engine.
/// </summary>
public static class SocketScheduling
{
    public const string Setting = "Server:InlineScheduling";

    public static WebApplicationBuilder AddSocketScheduling(this WebApplicationBuilder builder)
    {
        var inline = builder.Configuration.GetValue(Setting, true);
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = inline);
        return builder;
    }
}
