using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PricingApi.Connections;
using PricingApi.Utility;
using PricingApi.Http;

namespace PricingApi.OpenApi;

/// <summary>
/// Examples for every request body and path parameter, taken from the sample catalog (seed/catalog.json) and the
/// Kunming service area, so that Swagger UI's "Try it out" sends a request the service accepts as it stands. Dates are
/// computed from the utility's clock: an example effective date must still lie ahead when someone tries it.
/// </summary>
public static class OpenApiExamples
{
    public static OpenApiOptions AddRequestExamples(this OpenApiOptions options) =>
        options.AddOperationTransformer((operation, context, _) =>
        {
            var now = context.ApplicationServices.GetRequiredService<UtilityClock>().Now.ToOffset(UtilityTime.Offset);
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.In == ParameterLocation.Path && parameter.Example is null && PathExample(operation.OperationId, parameter.Name, now) is { } example)
                {
                    parameter.Example = example;
                }
            }

            if (operation.OperationId is { } id && BodyExample(id, now) is { } body
                && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = JsonSerializer.SerializeToNode(body, Written);
                if (id == "AssessConnection" && operation.Responses?.TryGetValue("200", out var ok) == true
                    && ok.Content?.TryGetValue("application/json", out var answer) == true)
                {
                    // The answer to the example, from the assessor itself with this instance's policy, not written by hand.
                    var request = media.Example.Deserialize<AssessmentRequest>(PricingJson.Options)!;
                    var assessor = context.ApplicationServices.GetRequiredService<ConnectionAssessor>();
                    answer.Example = JsonSerializer.SerializeToNode(AssessmentResponse.From(assessor.Assess(request.ToFacts())), PricingJson.Options);
                }
            }

            return Task.CompletedTask;
        });

    /// <summary>The API's JSON, but an example's null is written: "development": null is how a client says "none".</summary>
    private static readonly JsonSerializerOptions Written = new(PricingJson.Options) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never };

    private static JsonNode? PathExample(string? operationId, string? name, DateTimeOffset now) => name switch
    {
        "code" => JsonValue.Create("EXT-VALVE-DN50"),
        // Only a scheduled version can be withdrawn: the one the publishing example schedules, after the seeded 1.
        "version" when operationId == "WithdrawFeeListVersion" => JsonValue.Create(2),
        "version" => JsonValue.Create(1),
        "number" => JsonValue.Create($"Q-{now.Year.ToString(CultureInfo.InvariantCulture)}-000001"),
        "id" => JsonValue.Create(1),
        _ => null,
    };

    private static object? BodyExample(string operationId, DateTimeOffset now) => operationId switch
    {
        "CreateCatalogService" => new
        {
            code = "EXT-VALVE-DN80",
            kind = "extended",
            category = "maintenance",
            name = "表后阀门更换（DN65至DN100）",
            nameEn = "Post-meter valve replacement (DN65–DN100)",
            unit = "个",
            unitEn = "per valve",
            description = "更换球墨铸铁阀门一只，含阀门、法兰垫片及密封材料。",
            costBasis = new { materials = 520.00m, labour = 220.00m, machinery = 40.00m, other = 10.00m, overhead = 30.00m },
            priceExcludingTax = 900.00m,
            vatRate = 0.09m,
            pricingForm = "market-regulated",
            legalBasis = "kunming-2022-1/3.9",
            sortOrder = 125,
        },
        "UpdateCatalogService" => new
        {
            code = "EXT-VALVE-DN50",
            kind = "extended",
            category = "maintenance",
            name = "表后阀门更换（DN32至DN50）",
            nameEn = "Post-meter valve replacement (DN32–DN50)",
            unit = "个",
            unitEn = "per valve",
            description = "更换铜质或球墨铸铁阀门一只，含阀门、法兰垫片及密封材料；旧阀门由用户确认后回收。",
            costBasis = new { materials = 260.00m, labour = 160.00m, machinery = 30.00m, other = 10.00m, overhead = 20.00m },
            priceExcludingTax = 525.00m,
            vatRate = 0.09m,
            pricingForm = "market-regulated",
            legalBasis = "kunming-2022-1/3.9",
            sortOrder = 120,
        },
        // Midnight, Beijing time, the day after tomorrow: ahead of the clock whenever the example is tried.
        "PublishFeeList" => new { effectiveFrom = UtilityTime.Format(new DateTimeOffset(now.Date.AddDays(2), UtilityTime.Offset)) },
        "WithdrawFeeListVersion" => new { reason = "价格录入错误，撤回后重新发布 Price typed wrong; withdrawn to be published again" },
        "RejectPublicationProposal" => new { reason = "生效日期已过，请重新提交 Its effective date has passed; propose again" },
        "AssessConnection" => new
        {
            meterDiameterMm = 25,
            externalPipeLengthM = 35.5m,
            customerType = "residential",
            development = (string?)null,
        },
        "CreateQuote" => new
        {
            customer = new { name = "张丽", phone = "13888123456", address = "翠湖南路 12 号 3 栋 2 单元 501 室", district = "五华区", street = "华山街道" },
            lines = new[] { new { serviceCode = "EXT-TANK-CLEAN-20", quantity = 1m }, new { serviceCode = "EXT-LEAK-DN25", quantity = 2m } },
        },
        "CompleteQuote" => new
        {
            lines = new[] { new { serviceCode = "EXT-TANK-CLEAN-20", quantity = 1m }, new { serviceCode = "EXT-LEAK-DN25", quantity = 2m } },
        },
        _ => null,
    };
}
