using Microsoft.AspNetCore.Diagnostics;

namespace PricingApi.Operations;

/// <summary>
/// A request whose body is still arriving when SIGTERM comes: Kestrel's graceful stop cancels the pending read of its
/// body, so a body read as a stream (JSON bodies are kept reading by <see cref="ShutdownTolerantBody"/>) throws
/// <see cref="OperationCanceledException"/> although neither the client nor the handler gave up. That is the service stopping, not a fault: answer 503 (problem+json, <c>Connection: close</c> so the
/// client retries on another connection, which the proxy sends to a live instance) and log a warning. The handler
/// never got its input, so nothing was stored.
/// </summary>
public sealed partial class ShutdownExceptionHandler(IHostApplicationLifetime lifetime, IProblemDetailsService problems, ILogger<ShutdownExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not OperationCanceledException || !lifetime.ApplicationStopping.IsCancellationRequested
            || httpContext.RequestAborted.IsCancellationRequested || httpContext.Response.HasStarted)
        {
            return false;
        }

        CutShort(logger, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.Connection = "close";
        httpContext.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is stopping.",
                Detail = "The service is stopping and did not finish this request. Send it again; a request repeated with its Idempotency-Key is not carried out twice.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} was cut short by shutdown while its body was still arriving; answered 503.")]
    private static partial void CutShort(ILogger logger, string method, string path);
}
