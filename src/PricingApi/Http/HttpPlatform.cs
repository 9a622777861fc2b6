using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;

namespace PricingApi.Http;

/// <summary>What every route shares: JSON conventions, problem+json for every error, OpenAPI and Swagger UI.</summary>
public static class HttpPlatform
{
    public static IServiceCollection AddHttpPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimits(configuration);
        services.AddProxySupport();
        services.Configure<JsonOptions>(o => PricingJson.Configure(o.SerializerOptions));
        // Make the JSON reader's failures reach BadRequestExceptionHandler, which names the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemLocalization();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Localization.Localize);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddPricingOpenApi();

        // Validation messages name fields as the client wrote them: costBasis.materials, not CostBasis.Materials.
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        return services;
    }

    public static WebApplication UseHttpPlatform(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // Before the exception handler and the status-code pages, so the problems they write speak the request's language.
        app.UseRequestLocalization();
        app.UsePrivateKeyedResponses();
        app.UseExceptionHandler();
        // Bare status codes (an unknown route's 404, a 405) become problem+json too.
        app.UseStatusCodePages();
        app.UseRequestLimits();
        // Called here, not left to WebApplication (which puts routing first), so that FeeListFastPath runs before it.
        app.UseRouting();
        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "PricingApi v1");
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "PricingApi";
        });
        return app;
    }
}
