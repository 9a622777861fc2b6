using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PricingApi.Validation;

/// <summary>
/// Writes into the OpenAPI document what the FluentValidation validators enforce (required fields, lengths, ranges,
/// patterns, allowed values, fields that must stay absent), so the validators remain the one source of truth and the
/// document cannot drift from the 400s. Only unconditional rules are written: a rule that holds for one kind of
/// service only (a When block) stays in the validator and the field's description.
/// </summary>
public static class ValidatorSchemas
{
    private static readonly IReadOnlyList<AssemblyScanner.AssemblyScanResult> Validators =
        AssemblyScanner.FindValidatorsInAssembly(typeof(ValidatorSchemas).Assembly).ToList();

    /// <summary>Names the properties a validator requires, on the schema's metadata, for <see cref="DropNullAlternativesAsync"/>.</summary>
    private const string NotNullKey = "pricingapi-not-null";

    /// <summary>Describes request bodies by their validators; add it after the other schema transformers so it has the last word.</summary>
    public static OpenApiOptions AddValidatorSchemas(this OpenApiOptions options) =>
        options.AddSchemaTransformer(DescribeBodyAsync).AddDocumentTransformer(DropNullAlternativesAsync);

    /// <summary>Schema transformer: the properties of a request body (and of the objects inside it).</summary>
    private static Task DescribeBodyAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (schema.Properties is not { Count: > 0 } properties || ValidatorFor(context.JsonTypeInfo.Type, context.ApplicationServices) is not { } validator)
        {
            return Task.CompletedTask;
        }

        var descriptor = validator.CreateDescriptor();
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider is MemberInfo member && properties.TryGetValue(property.Name, out var described))
            {
                properties[property.Name] = Describe(described, RulesFor(descriptor, member), out var required);
                if (required)
                {
                    (schema.Required ??= new HashSet<string>()).Add(property.Name);
                    schema.Metadata ??= new Dictionary<string, object>();
                    schema.Metadata[NotNullKey] = schema.Required.ToHashSet();
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Operation transformer for <c>[AsParameters]</c> queries validated as <typeparamref name="T"/>.</summary>
    public static Task DescribeQueryAsync<T>(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.Parameters is not { Count: > 0 } parameters || ValidatorFor(typeof(T), context.ApplicationServices) is not { } validator)
        {
            return Task.CompletedTask;
        }

        var descriptor = validator.CreateDescriptor();
        foreach (var parameter in parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query && p.Schema is not null))
        {
            if (typeof(T).GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } member)
            {
                parameter.Schema = Describe(parameter.Schema!, RulesFor(descriptor, member), out var required);
                parameter.Required |= required;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A nullable enum or object property becomes oneOf [null, $ref] only when the document is assembled, after the
    /// schema transformers ran: where the validator requires a value, drop the null alternative there.
    /// </summary>
    private static Task DropNullAlternativesAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? [])
        {
            if (schema.Metadata?.TryGetValue(NotNullKey, out var names) == true && schema.Properties is { } properties)
            {
                foreach (var name in (IEnumerable<string>)names)
                {
                    if (properties.TryGetValue(name, out var property) && property.OneOf is { Count: 2 } oneOf && oneOf.Any(IsNull))
                    {
                        properties[name] = oneOf.Single(s => !IsNull(s));
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether a validator describes <paramref name="type"/>: then it is a request, and its validator says what is required.</summary>
    public static bool IsValidated(Type type, IServiceProvider services) =>
        services.GetService(typeof(IValidator<>).MakeGenericType(type)) is not null || Validators.Any(v => v.InterfaceType.GenericTypeArguments[0] == type);

    /// <summary>The validator registered for <paramref name="type"/>, or else the one declared in this assembly (for nested objects).</summary>
    private static IValidator? ValidatorFor(Type type, IServiceProvider services)
    {
        if (services.GetService(typeof(IValidator<>).MakeGenericType(type)) is IValidator registered)
        {
            return registered;
        }

        var declared = Validators.FirstOrDefault(v => v.InterfaceType.GenericTypeArguments[0] == type);
        return declared is null ? null : (IValidator)ActivatorUtilities.CreateInstance(services, declared.ValidatorType);
    }

    /// <summary>The unconditional checks on a member itself (not those on each item of a collection).</summary>
    private static List<IPropertyValidator> RulesFor(IValidatorDescriptor descriptor, MemberInfo member) =>
        // Rules are filed under the name the validators report (camelCase here, see HttpPlatform).
        descriptor.GetRulesForMember(ValidatorOptions.Global.PropertyNameResolver(member.DeclaringType!, member, null))
            .Where(rule => !rule.HasCondition && !rule.HasAsyncCondition && !rule.GetType().Name.StartsWith("CollectionPropertyRule", StringComparison.Ordinal))
            .SelectMany(rule => rule.Components)
            .Where(component => !component.HasCondition && !component.HasAsyncCondition)
            .Select(component => component.Validator)
            .ToList();

    private static IOpenApiSchema Describe(IOpenApiSchema described, IReadOnlyList<IPropertyValidator> checks, out bool required)
    {
        required = checks.Any(c => c is INotNullValidator or INotEmptyValidator);
        if (checks.Any(c => c is INullValidator))
        {
            // Declared only so that a client who sends it is told it is not accepted: the only allowed value is none.
            return new OpenApiSchema { Type = JsonSchemaType.Null, Description = described.Description };
        }

        if (described is not OpenApiSchema schema)
        {
            return described;
        }

        if (required && schema.Type is { } type)
        {
            schema.Type = type & ~JsonSchemaType.Null;
        }

        foreach (var check in checks)
        {
            Apply(schema, check);
        }

        return schema;
    }

    private static void Apply(OpenApiSchema schema, IPropertyValidator check)
    {
        switch (check)
        {
            case INotEmptyValidator when schema.Type?.HasFlag(JsonSchemaType.Array) == true:
                schema.MinItems = 1;
                break;
            case INotEmptyValidator:
                schema.MinLength = Math.Max(schema.MinLength ?? 0, 1);
                break;
            case ILengthValidator length:
                schema.MaxLength = length.Max > 0 ? length.Max : schema.MaxLength;
                schema.MinLength = length.Min > 0 ? length.Min : schema.MinLength;
                break;
            case IBetweenValidator between when check is IInclusiveBetweenValidator:
                (schema.Minimum, schema.Maximum) = (Number(between.From), Number(between.To));
                break;
            case IBetweenValidator between:
                (schema.ExclusiveMinimum, schema.ExclusiveMaximum) = (Number(between.From), Number(between.To));
                break;
            case IComparisonValidator { MemberToCompare: null, ValueToCompare: { } value } comparison:
                var bound = Number(value);
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThan: schema.ExclusiveMinimum = bound; break;
                    case Comparison.GreaterThanOrEqual: schema.Minimum = bound; break;
                    case Comparison.LessThan: schema.ExclusiveMaximum = bound; break;
                    case Comparison.LessThanOrEqual: schema.Maximum = bound; break;
                }

                break;
            case IRegularExpressionValidator regex:
                schema.Pattern = regex.Expression;
                break;
            case IOneOfValidator oneOf:
                // Where the type admits null, so must the list: otherwise the enum refuses what the type allows.
                schema.Enum = oneOf.Allowed.Select(v => JsonSerializer.SerializeToNode(v)!).ToList();
                if (schema.Type?.HasFlag(JsonSchemaType.Null) == true)
                {
                    schema.Enum.Add(null!);
                }

                break;
        }
    }

    private static bool IsNull(IOpenApiSchema schema) => schema.Type == JsonSchemaType.Null;

    private static string? Number(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture);
}
