using Microsoft.AspNetCore.Http.HttpResults;

namespace PricingApi.Http;

/// <summary>The problem responses handlers return, so each status means one thing across the API.</summary>
public static class Problems
{
    /// <summary>422: a well-formed request that breaks a business rule; <paramref name="detail"/> says which, for a clerk.</summary>
    public static ProblemHttpResult BusinessRule(string detail, string? title = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity,
            title: title ?? "The request breaks a pricing rule.");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static ProblemHttpResult Conflict(string detail, string? title = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title ?? "The request conflicts with what is stored.");

    /// <summary>400 for one field, in the same shape as validation failures.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
