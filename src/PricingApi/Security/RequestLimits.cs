using Microsoft.Extensions.Options;
using FluentValidation;
using PricingApi.Configuration;

namespace PricingApi.Security;

public sealed class RequestLimitOptions
{
    public const string Section = "Limits";

    /// <summary>The largest request body accepted; larger ones get 413. A catalog item or a 100-line quote is a few KB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;
}

public static class RequestLimits
{
    /// <summary>No server banner, and a body size limit that Kestrel enforces as it reads (chunked bodies included).</summary>
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<RequestLimitOptions>(RequestLimitOptions.Section);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetSection(RequestLimitOptions.Section)
                .GetValue(nameof(RequestLimitOptions.MaxRequestBodyBytes), new RequestLimitOptions().MaxRequestBodyBytes);
        });
        return builder;
    }

    /// <summary>Refuses a declared oversize body at once with 413 problem+json, before anything is read, and closes the connection.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<RequestLimitOptions>>().Value.MaxRequestBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                // The body is never read, so Kestrel ends the connection after this answer; saying so keeps a keep-alive
                // client (Node's fetch, so Prism, or a proxy) from sending its next request on a socket about to close,
                // which it would see as a hang-up (the contract session met exactly that).
                context.Response.Headers.Connection = "close";
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                    {
                        ["body"] = [$"The request body is {context.Request.ContentLength} bytes; the limit is {limit}."],
                    })
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "The request body is too large.",
                    },
                });
                return;
            }

            await next(context);
        });
}

public sealed class RequestLimitOptionsValidator : AbstractValidator<RequestLimitOptions>
{
    public RequestLimitOptionsValidator() => RuleFor(o => o.MaxRequestBodyBytes).Within("Limits:MaxRequestBodyBytes", 1024L, 1L << 30);
}
