using FluentValidation;
using Microsoft.AspNetCore.OpenApi;

namespace PricingApi.Validation;

/// <summary>
/// Runs the FluentValidation validator of a request body before the handler, and answers 400 with
/// every failing field under <c>errors</c> (property paths in camelCase, as the client sent them).
/// </summary>
public sealed class ValidationFilter<T> : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var body = context.Arguments.OfType<T>().FirstOrDefault();
        var validator = context.HttpContext.RequestServices.GetRequiredService<IValidator<T>>();
        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["A JSON request body is required."] });
        }

        var result = await validator.ValidateAsync(body, context.HttpContext.RequestAborted);
        if (!result.IsValid)
        {
            return TypedResults.ValidationProblem(result.ToDictionary());
        }

        return await next(context);
    }
}

public static class ValidationFilterExtensions
{
    /// <summary>Validates the <typeparamref name="T"/> body and declares the 400 in OpenAPI.</summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) where T : class =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem()
            .AddOpenApiOperationTransformer(ValidatorSchemas.DescribeQueryAsync<T>);
}
