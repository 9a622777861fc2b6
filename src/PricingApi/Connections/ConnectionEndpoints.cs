using PricingApi.Configuration;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using PricingApi.Http;
using PricingApi.Security;
using PricingApi.Validation;

namespace PricingApi.Connections;

/// <summary>The connection assessment: public, so the website and the counter give the same answer.</summary>
public static class ConnectionEndpoints
{
    public static IServiceCollection AddConnectionAssessment(this IServiceCollection services)
    {
        // The city profile's rules (Utility:Profile) are configured first, by CityProfiles; this section overrides them.
        services.AddOptions<ConnectionOptions>().BindConfiguration(ConnectionOptions.Section).ValidateAtStart();
        services.AddSingleton(sp => new ConnectionAssessor(sp.GetRequiredService<IOptions<ConnectionOptions>>().Value));
        return services;
    }

    public static RouteGroupBuilder MapConnections(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/connections").WithTags("Connection assessment").AllowAnonymous();

        group.MapPost("/assessments", Assess).Validate<AssessmentRequest>().WithName("AssessConnection")
            .RequireRateLimiting(RateLimits.AnonymousPosts).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("What a connection costs the customer under the basic-service rules, who pays for the meter, and how long it takes.")
            .AddOpenApiOperationTransformer(DescribeConfiguredPolicy)
            .AddOpenApiOperationTransformer(BodyIsRequired);
        return group;
    }

    /// <summary>The description names the bounds this instance applies (section Connections), not Kunming's defaults.</summary>
    private static Task DescribeConfiguredPolicy(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var free = context.ApplicationServices.GetRequiredService<IOptions<ConnectionOptions>>().Value.FreeConnection;
        operation.Description =
            $"Free when the meter is DN{free.MaxMeterDiameterMm} or smaller and the external pipe (public main to 1 m after the meter, meter included) "
            + $"is {free.MaxExternalPipeLengthM.ToString(System.Globalization.CultureInfo.InvariantCulture)} m or shorter, both inclusive; otherwise "
            + "`exceeded` says which bound and by how much. The application fee is always 0. The developer pays "
            + "for the meter inside the red line of new commercial or affordable housing, the utility everywhere else. With `project`, the answer "
            + "adds the project category, its stages and working-day limits, and whether the \"11000\" model applies. `reasons` are sentences a "
            + "clerk can read to the customer (Chinese), with `reasonsEn` beside them. The limits are the configured policy (section Connections).";
        return Task.CompletedTask;
    }

    /// <summary>The handler's parameter is nullable only for the filter's sake (below); to clients the body is required.</summary>
    private static Task BodyIsRequired(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.RequestBody is OpenApiRequestBody body)
        {
            body.Required = true;
        }

        return Task.CompletedTask;
    }

    // Optional only so that an empty body reaches the validation filter, which answers 400 naming "body";
    // the filter never lets a null request through to here.
    private static Ok<AssessmentResponse> Assess(AssessmentRequest? request, ConnectionAssessor assessor) =>
        TypedResults.Ok(AssessmentResponse.From(assessor.Assess(request!.ToFacts())));
}
