using Microsoft.AspNetCore.Diagnostics;

namespace PricingApi.Http;

/// <summary>
/// A JSON route sent another media type (<c>Content-Type: text/plain</c>, or curl's default form type) is refused by
/// the compiled binding with a bare 415, which the status-code pages answered with the English reason phrase alone.
/// This hands <see cref="BadRequestExceptionHandler"/> the exception the framework throws elsewhere for it, so the
/// client reads the same problem as every other unreadable body: the field <c>body</c> and what to send, in its language.
/// </summary>
public static class UnsupportedBodies
{
    /// <summary>Wraps the status-code pages' default answer: a bare 415 gets the body's named problem instead.</summary>
    public static void NameUnsupportedBodies(this StatusCodePagesOptions options)
    {
        var fallback = options.HandleAsync;
        options.HandleAsync = async context =>
        {
            var http = context.HttpContext;
            if (http.Response.StatusCode != StatusCodes.Status415UnsupportedMediaType)
            {
                await fallback(context);
                return;
            }

            var failure = new BadHttpRequestException($"Unsupported content type '{http.Request.ContentType}'.", StatusCodes.Status415UnsupportedMediaType);
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await new BadRequestExceptionHandler(problems).TryHandleAsync(http, failure, http.RequestAborted);
        };
    }
}
