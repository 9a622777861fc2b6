using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace PricingApi.Http;

/// <summary>
/// HEAD on every public GET (RFC 9110 §9.3.2): the same status and headers, Content-Length included, and no body,
/// which the server leaves out for HEAD by itself. A client or CDN can check a download's size or ETag for nothing.
/// </summary>
public static class HeadRequests
{
    /// <summary>Lets every anonymous GET endpoint built by <paramref name="builder"/> answer HEAD too.</summary>
    public static TBuilder WithHeadOnPublicGets<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        // Finally: after each endpoint's own conventions, so AllowAnonymous and the CORS preflight flag are known.
        builder.Finally(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault();
            if (methods is not null && endpoint.Metadata.OfType<IAllowAnonymous>().Any()
                && methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }

    /// <summary>
    /// OpenAPI document transformer: HEAD is GET without a body, so the document describes each route once, as GET
    /// (a second operation per route would repeat every operationId).
    /// </summary>
    public static Task LeaveOutOfDocument(OpenApiDocument document, Microsoft.AspNetCore.OpenApi.OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        foreach (var path in document.Paths.Values.OfType<OpenApiPathItem>())
        {
            path.Operations?.Remove(HttpMethod.Head);
        }

        return Task.CompletedTask;
    }
}
