using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using PricingApi.Operations;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;

namespace PricingApi.Tests.Safety;

public class MetricsTests
{
    [Fact]
    public async Task TheServiceCountsRequestsByRouteAndStatusQuotesVersionsAndCacheHits()
    {
        var seen = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PricingMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var key = instrument.Name + string.Concat(tags.ToArray().Select(t => $"|{t.Key}={t.Value}"));
            seen.AddOrUpdate(key, value, (_, total) => total + value);
        });
        listener.Start();

        await using var app = new PricingApiFactory();
        var admin = app.CreateAdmin();
        var staff = app.CreateClient("staff");
        await staff.IssueAsync(("EXT-TANK-CLEAN-20", 1m));
        await PricingApi.Tests.Regulator.RegulatorSteps.ChangeAndPublishAsync(app, admin);
        await app.CreateAnonymousClient().GetAsync("/api/fee-list.csv?version=1");
        await app.CreateAnonymousClient().GetAsync("/api/fee-list.csv?version=1");
        await staff.GetAsync("/api/admin/services");

        var all = string.Join(", ", seen.Keys);
        Assert.True(seen.GetValueOrDefault("pricing.quotes.issued") >= 1, all);
        Assert.True(seen.GetValueOrDefault("pricing.versions.published") >= 1, all);
        Assert.True(seen.GetValueOrDefault("pricing.cache.hits|cache=rendered") >= 1, all);
        Assert.True(seen.GetValueOrDefault("pricing.requests|http.route=/api/admin/services/|http.response.status_code=403") >= 1, all);
    }
}
