using FluentValidation;
using Microsoft.Extensions.Options;
using PricingApi.Http;
using PricingApi.Validation;

namespace PricingApi.Connections;

/// <summary>400 for what cannot be assessed: a diameter off the DN series, an impossible length, a missing field.</summary>
public sealed class AssessmentRequestValidator : AbstractValidator<AssessmentRequest>
{
    public AssessmentRequestValidator(IOptions<ConnectionOptions> options)
    {
        var policy = options.Value;
        var series = policy.Diameters();
        RuleFor(r => r.MeterDiameterMm).NotNull()
            .OneOf(series.Select(d => (int?)d))
            .WithMessage($"'meterDiameterMm' must be a standard nominal diameter (DN) in mm: {string.Join(", ", series)}.");
        RuleFor(r => r.ExternalPipeLengthM).NotNull()
            .InclusiveBetween(0m, policy.MaxPlausibleExternalPipeLengthM)
            .WithMessage($"'externalPipeLengthM' is the pipe length in metres, from 0 to {ConnectionTerms.Number(policy.MaxPlausibleExternalPipeLengthM)}.");
        RuleFor(r => r.CustomerType).NotNull();

        // Which project fields are needed depends on the customer type.
        var forResidential = new ProjectRequestValidator(CustomerType.Residential);
        var forNonResidential = new ProjectRequestValidator(CustomerType.NonResidential);
        var forUnknown = new ProjectRequestValidator(null);
        When(r => r.Project is not null, () =>
            RuleFor(r => r.Project!).SetValidator(r => r.CustomerType switch
            {
                CustomerType.Residential => forResidential,
                CustomerType.NonResidential => forNonResidential,
                _ => forUnknown,
            }));
    }
}

public sealed class ProjectRequestValidator : AbstractValidator<ProjectRequest>
{
    /// <summary>Beyond these a figure is a typing error: no building has 10 km² of floor or stands 1 km tall.</summary>
    public const decimal MaxFloorAreaM2 = 10_000_000m, MaxHeightM = 1_000m;

    /// <param name="customerType">Which project fields are required; null for only the rules that hold whatever the customer type.</param>
    public ProjectRequestValidator(CustomerType? customerType = null)
    {
        RuleFor(p => p.ConnectionKind).NotNull();
        RuleFor(p => p.HasExternalPipeWorks).NotNull();
        RuleFor(p => p.ProjectDataOnGovernmentPlatform).NotNull();
        RuleFor(p => p.TotalFloorAreaM2).GreaterThan(0m).LessThanOrEqualTo(MaxFloorAreaM2);
        RuleFor(p => p.BuildingHeightM).GreaterThan(0m).LessThanOrEqualTo(MaxHeightM);

        if (customerType == CustomerType.NonResidential)
        {
            RuleFor(p => p.BuildingType).NotNull()
                .WithMessage("'buildingType' is required for a non-residential project: standard-factory, ordinary-warehouse or other.");
            When(p => p.BuildingType is BuildingType.StandardFactory or BuildingType.OrdinaryWarehouse, () =>
            {
                const string needed = "'{PropertyName}' is required for a factory or warehouse: it decides between a low-risk, general or other project.";
                RuleFor(p => p.TotalFloorAreaM2).NotNull().WithMessage(needed);
                RuleFor(p => p.BuildingHeightM).NotNull().WithMessage(needed);
                RuleFor(p => p.InvolvesHazardousGoods).NotNull().WithMessage(needed);
            });
        }
        else if (customerType == CustomerType.Residential)
        {
            RuleFor(p => p.InsideSupplyArea).NotNull()
                .WithMessage("'insideSupplyArea' is required for a residential project: it decides whether it is a sporadic one.");
        }
    }
}
