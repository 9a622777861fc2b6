using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PricingApi.Operations;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Operations;

/// <summary>Server:InlineScheduling reaches Kestrel's socket transport, and is off unless set (the measured trade-off is in docs/benchmark.md).</summary>
public class SocketSchedulingTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task TheSettingDecidesWhetherRequestsRunOnTheSocketsThread(string? setting, bool inline)
    {
        await using var app = new PricingApiFactory(seed: false,
            settings: setting is null ? null : new Dictionary<string, string?> { [SocketScheduling.Setting] = setting });
        _ = app.Server;

        Assert.Equal(inline, app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
    }
}
