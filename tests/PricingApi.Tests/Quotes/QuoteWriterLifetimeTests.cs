using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PricingApi.Quotes;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Quotes;

/// <summary>The group-commit writer is a hosted service: the host starts its loop and stops it cleanly.</summary>
public class QuoteWriterLifetimeTests
{
    [Fact]
    public async Task TheHostRunsTheWriterAndOnceStoppedItTakesNoNewWrites()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var writer = app.Services.GetRequiredService<QuoteWriter>();
        Assert.Contains(app.Services.GetServices<IHostedService>(), s => ReferenceEquals(s, writer));

        var issued = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TANK-CLEAN-20", 1m)));
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode); // saved through the writer's loop
        Assert.False(writer.ExecuteTask!.IsCompleted);

        await writer.StopAsync(CancellationToken.None);
        Assert.True(writer.ExecuteTask.IsCompletedSuccessfully); // the loop ended once the queue was drained
        // Refused before the quote is looked at, so an empty one will do.
        var empty = (Quote)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(Quote));
        var late = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.IssueAsync(empty, "Q", 2026, CancellationToken.None));
        Assert.Contains("takes no new writes", late.Message);
    }
}
