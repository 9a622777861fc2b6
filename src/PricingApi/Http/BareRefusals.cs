using Microsoft.AspNetCore.Diagnostics;

namespace PricingApi.Http;

/// <summary>
/// Refusals the compiled parameter binding (the request delegate generator) answers with a bare status where the
/// runtime binding throws: an unparsable optional number (<c>?page=abc</c>, a bare 400) and a body of another media
/// type than a JSON route reads (<c>Content-Type: text/plain</c>, curl's default form type; a bare 415). The status-code
/// pages answered those with the reason phrase alone, in English. This hands <see cref="BadRequestExceptionHandler"/>
/// the exception the framework throws elsewhere, so the client reads the same named problem, in its language, on
/// every route. A request that binds pays nothing: it runs only on a bare 400 or 415.
/// </summary>
public static class BareRefusals
{
    /// <summary>Wraps the status-code pages' default answer: a bare binding refusal gets its named problem instead.</summary>
    public static void NameBareRefusals(this StatusCodePagesOptions options)
    {
        var fallback = options.HandleAsync;
        options.HandleAsync = async context =>
        {
            var http = context.HttpContext;
            var failure = http.Response.StatusCode switch
            {
                StatusCodes.Status400BadRequest => UnparsedQueryValues.Find(http),
                StatusCodes.Status415UnsupportedMediaType =>
                    // A fixed text: the handler reads the message, and the client's Content-Type must not steer it.
                    new BadHttpRequestException("Unsupported media type.", StatusCodes.Status415UnsupportedMediaType),
                _ => null,
            };
            if (failure is null)
            {
                await fallback(context);
                return;
            }

            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await new BadRequestExceptionHandler(problems).TryHandleAsync(http, failure, http.RequestAborted);
        };
    }
}
