using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using PricingApi.Validation;

namespace PricingApi.Http;

/// <summary>What every route shares: JSON conventions and problem+json, in the client's language, for every error (the pipeline itself is in AppSetup).</summary>
public static class HttpPlatform
{
    public static IServiceCollection AddHttpPlatform(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => PricingJson.Configure(o.SerializerOptions));
        // Make the JSON reader's failures reach BadRequestExceptionHandler, which names the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemLocalization();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Localization.Localize);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.Configure<StatusCodePagesOptions>(o => o.NameBareRefusals());

        // Validation messages name fields as the client wrote them: costBasis.materials, not CostBasis.Materials.
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ChineseValidationMessages.Use();
        return services;
    }
}
