using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using PricingApi.Operations;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Operations;

/// <summary>A body read as a stream and cancelled by shutdown: 503 problem+json with Connection: close, not a 500.</summary>
public class ShutdownExceptionHandlerTests
{
    [Fact]
    public async Task ACancelledReadWhileStoppingIs503WithConnectionCloseAndOtherCancellationsAreLeftAlone()
    {
        await using var app = new PricingApiFactory();
        var stopping = new Lifetime();
        var handler = new ShutdownExceptionHandler(stopping, app.Services.GetRequiredService<IProblemDetailsService>(),
            NullLogger<ShutdownExceptionHandler>.Instance);

        var running = Context(app.Services);
        Assert.False(await handler.TryHandleAsync(running, new OperationCanceledException(), default)); // not stopping: not ours

        stopping.Stop();
        Assert.False(await handler.TryHandleAsync(Context(app.Services), new InvalidOperationException(), default));
        var cut = Context(app.Services);
        Assert.True(await handler.TryHandleAsync(cut, new OperationCanceledException("The read was canceled."), default));
        Assert.Equal(503, cut.Response.StatusCode);
        Assert.Equal("close", cut.Response.Headers.Connection.ToString());
        Assert.Equal("1", cut.Response.Headers.RetryAfter.ToString());
        cut.Response.Body.Position = 0;
        var problem = JsonDocument.Parse(cut.Response.Body).RootElement;
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        // A request that never reached request localization gets the default language, Chinese.
        Assert.Equal("服务正在停止。", problem.GetProperty("title").GetString());
    }

    private static DefaultHttpContext Context(IServiceProvider services) => new()
    {
        RequestServices = services,
        Response = { Body = new MemoryStream() },
    };

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => _stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => _stopping.Cancel();
        public void Stop() => _stopping.Cancel();
    }
}
