using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PricingApi.Configuration;
using PricingApi.Http;

namespace PricingApi.Operations;

/// <summary>
/// /healthz (the process is alive) and /readyz (it can serve: database reachable and migrated), for load
/// balancers and container health checks. Both are anonymous and never cached.
/// </summary>
public static class OperationsEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [ReadyTag]);
        services.AddSettings<AccessLogOptions>(AccessLogOptions.Section);
        services.AddSingleton<AccessLog>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessLog>());
        services.AddExceptionHandler<ShutdownExceptionHandler>();
        services.AddSingleton<TelemetryExport>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryExport>());
        return services;
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().WithTags("Operations").WithSummary("Liveness: 200 while the process runs.");
        routes.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous().WithTags("Operations").WithSummary("Readiness: 200 when the database answers and is migrated, else 503.");
        return routes;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, PricingJson.Options));
    }
}
