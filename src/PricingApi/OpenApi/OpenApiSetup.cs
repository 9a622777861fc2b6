using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using System.Text.Json.Nodes;
using PricingApi.ApiKeys;
using PricingApi.Utility;
using PricingApi.Http;
using PricingApi.Validation;

namespace PricingApi.OpenApi;

/// <summary>The OpenAPI document at /openapi/v1.json: the API-key scheme, which routes need it, and how times are written.</summary>
public static class OpenApiSetup
{
    public static IServiceCollection AddPricingOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "PricingApi: water-utility extended-services fee list";
                document.Info.Description =
                    "The published fee list of extended services (延伸服务收费目录清单), staff quotes, the connection assessment "
                    + "under the basic-service rules, and regulator views. Routes other than the public ones take an X-Api-Key header.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                    Description = "A key created with `keys create --role <staff|pricing-admin|regulator> --name <name>`.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, context.Document)] = [],
                    });
                }

                return Task.CompletedTask;
            });
            options.AddOperationTransformer(PipelineResponses.DeclareAsync);
            options.AddDocumentTransformer(HeadRequests.LeaveOutOfDocument);
            options.AddSchemaTransformer((schema, context, _) =>
            {
                // Times go through UtilityTimeJsonConverter, which the schema generator cannot see into.
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type == typeof(DateTimeOffset))
                {
                    schema.Type = JsonSchemaType.String | ((schema.Type ?? 0) & JsonSchemaType.Null);
                    if (context.JsonPropertyInfo?.DeclaringType is { } owner && IsRequest(owner, context.ApplicationServices))
                    {
                        // Read by UtilityTime.TryParse, which takes a time without an offset too: date-time would demand one.
                        DescribeAcceptedTime(schema);
                    }
                    else
                    {
                        // Written by UtilityTimeJsonConverter, always with its offset.
                        schema.Format = "date-time";
                    }
                }
                else if (type == typeof(decimal))
                {
                    // Money and rates are exact decimals, not binary floating point.
                    schema.Format = "decimal";
                }

                return Task.CompletedTask;
            });
            options.AddContractFixes();
            options.AddRequestExamples();
            options.AddValidatorSchemas();
        });

    /// <summary>Swagger UI at /swagger, reading the document at /openapi/v1.json.</summary>
    public static IApplicationBuilder UsePricingSwaggerUI(this IApplicationBuilder app) =>
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "PricingApi v1");
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "PricingApi";
        });

    /// <summary>Marks query parameters that are read as times (<see cref="UtilityTime.TryParse"/>: ISO 8601; without an offset, +08:00).</summary>
    public static RouteHandlerBuilder WithTimeQuery(this RouteHandlerBuilder builder, params string[] names) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (names.Contains(parameter.Name) && parameter.Schema is OpenApiSchema schema)
                {
                    DescribeAcceptedTime(schema);
                    parameter.Description = parameter.Description is { Length: > 0 } said ? $"{said} {UtilityTime.Described}" : UtilityTime.Described;
                    parameter.Example = JsonValue.Create("2026-12-01T00:00:00");
                }
            }

            return Task.CompletedTask;
        });

    private static void DescribeAcceptedTime(OpenApiSchema schema)
    {
        schema.Format = null;
        schema.Pattern = UtilityTime.Pattern;
        schema.Description ??= UtilityTime.Described;
    }

    /// <summary>A request body: its own name says so, or a validator checks it.</summary>
    internal static bool IsRequest(Type type, IServiceProvider services) =>
        type.Name.EndsWith("Request", StringComparison.Ordinal) || ValidatorSchemas.IsValidated(type, services);
}
