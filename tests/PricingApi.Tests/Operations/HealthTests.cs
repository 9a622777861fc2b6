using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PricingApi.Data;
using PricingApi.Operations;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Operations;

/// <remarks>The tests only read: one service for the class.</remarks>
public class HealthTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Fact]
    public async Task LivenessAndReadinessAnswerWithoutAKey()
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();

        var live = await (await client.GetAsync("/healthz")).JsonBodyAsync();
        Assert.Equal("Healthy", live["status"]!.GetValue<string>());
        var ready = await client.GetAsync("/readyz");
        var body = await ready.JsonBodyAsync();
        Assert.Equal("Healthy", body["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal("no-store", ready.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task AnUnmigratedDatabaseIsNotReady()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("pricingapi-unmigrated-").FullName, "empty.db");
        var options = new DbContextOptionsBuilder<SqlitePricingDbContext>().UseSqlite($"Data Source={path}").Options;
        await using var db = new SqlitePricingDbContext(options);
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE Unrelated (Id INTEGER)"); // the file exists and answers

        var result = await new DatabaseReadyCheck(db).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("not applied", result.Description);
    }

    [Fact]
    public async Task EveryResponseCarriesARequestIdThatProblemsRepeatAsTraceId()
    {
        var app = shared.App;
        var client = app.CreateAnonymousClient();

        var ok = await client.GetAsync("/api/fee-list");
        Assert.NotEmpty(ok.Headers.GetValues(RequestIdMiddleware.Header).Single());

        var notFound = await client.GetAsync("/api/fee-list/versions/42");
        var problem = await notFound.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(notFound.Headers.GetValues(RequestIdMiddleware.Header).Single(), problem["traceId"]!.GetValue<string>());
    }
}
