using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Options;
using PricingApi.Http;
using PricingApi.LegalBases;
using PricingApi.Pricing;
using PricingApi.Providers;
using PricingApi.Utility;
using PricingApi.Validation;

namespace PricingApi.Catalog;

public sealed class ServiceRequestValidator : AbstractValidator<ServiceRequest>
{
    /// <summary>No single service costs more than 100 million yuan; anything larger is a typing error.</summary>
    public const decimal MaxAmount = 100_000_000m;

    public ServiceRequestValidator(LegalBasisRegister register, IOptions<PricingOptions> pricing, IOptions<ProvidersOptions> providers)
    {
        var companies = providers.Value.Companies.Select(c => c.Id).ToList();
        var vatRates = pricing.Value.AllowedVatRates;
        var pricingForms = pricing.Value.AllowedExtendedPricingForms;
        RuleFor(r => r.Code).NotEmpty().MaximumCharacters(40)
            .Matches("^[A-Z0-9]+(-[A-Z0-9]+)*$").WithMessage("'code' takes upper-case letters, digits and single hyphens, e.g. EXT-TANK-CLEAN-20.");
        RuleFor(r => r.Kind).NotNull();
        RuleFor(r => r.Name).NotEmpty().MaximumCharacters(200).IsPlainText();
        RuleFor(r => r.NameEn).NotEmpty().MaximumCharacters(200).IsPlainText();
        RuleFor(r => r.Description).NotEmpty().MaximumCharacters(2000).IsPlainText();
        RuleFor(r => r.LegalBasis).NotEmpty().MaximumCharacters(500).IsPlainText()
            .OneOf(register.Clauses.Select(c => c.Id)).WithMessage(_ => CatalogMessages.UnknownLegalBasis);
        RuleFor(r => r.Unit).IsPlainText();
        RuleFor(r => r.UnitEn).IsPlainText();
        RuleFor(r => r.SortOrder).InclusiveBetween(0, 1_000_000);

        When(r => r.Kind == ServiceKind.Basic, () =>
        {
            RuleFor(r => r.PaidBy).NotNull().WithMessage("'paidBy' is required for a basic service: utility, government or developer.");
            RuleFor(r => r.Category).Null().WithMessage(OnlyExtended);
            RuleFor(r => r.Unit).Null().WithMessage(OnlyExtended);
            RuleFor(r => r.UnitEn).Null().WithMessage(OnlyExtended);
            RuleFor(r => r.CostBasis).Null().WithMessage(OnlyExtended);
            RuleFor(r => r.VatRate).Null().WithMessage(OnlyExtended);
            RuleFor(r => r.PricingForm).Null().WithMessage(OnlyExtended);
            RuleFor(r => r.Provider).Null().WithMessage(OnlyExtended);
        });

        When(r => r.Kind == ServiceKind.Extended, () =>
        {
            RuleFor(r => r.Category).NotNull();
            RuleFor(r => r.Unit).NotEmpty().MaximumCharacters(40);
            RuleFor(r => r.UnitEn).NotEmpty().MaximumCharacters(80);
            RuleFor(r => r.CostBasis).NotNull().SetValidator(new CostBasisRequestValidator()!);
            RuleFor(r => r.PriceExcludingTax).NotNull().GreaterThan(0m).LessThanOrEqualTo(MaxAmount)
                .Must(p => p is null || Money.IsWholeFen(p.Value)).WithMessage("'priceExcludingTax' must be a whole number of fen (at most two decimals).");
            RuleFor(r => r.VatRate).NotNull().OneOf(vatRates.Select(v => (decimal?)v))
                .WithMessage(_ => CatalogMessages.Format(CatalogMessages.VatRateNotAllowed, string.Join(", ", vatRates.Select(v => v.ToString(CultureInfo.InvariantCulture)))));
            RuleFor(r => r.PricingForm).OneOf(pricingForms.Select(f => (PricingForm?)f))
                .WithMessage(_ => CatalogMessages.Format(CatalogMessages.PricingFormNotAllowed, string.Join(", ", pricingForms.Select(PricingFormCode))));
            RuleFor(r => r.Price).Null().WithMessage("Send 'priceExcludingTax' and 'vatRate'; the tax-inclusive price is computed.");
            RuleFor(r => r.PaidBy).Null().WithMessage("'paidBy' applies only to basic services; the customer pays for an extended service.");
            RuleFor(r => r.Provider).Must(p => p is null || companies.Contains(p.Trim())).WithMessage(ProviderMessages.UnknownProvider(companies));
        });
    }

    private static string PricingFormCode(PricingForm form) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(form.ToString());

    private const string OnlyExtended = "'{PropertyName}' applies only to extended services.";
}

public sealed class CostBasisRequestValidator : AbstractValidator<CostBasisRequest>
{
    public CostBasisRequestValidator()
    {
        RuleFor(c => c.Materials).Cost();
        RuleFor(c => c.Labour).Cost();
        RuleFor(c => c.Machinery).Cost();
        RuleFor(c => c.Other).Cost();
        RuleFor(c => c.Overhead).Cost();
        // Only once every part is an amount in range: a part out of range is named on its own, and summing
        // parts near decimal.MaxValue would overflow (a 500 before this condition, found by the generated-input test).
        RuleFor(c => c.ToCostBasis().Total).GreaterThan(0m).OverridePropertyName("total")
            .WithMessage("An extended service must have a cost above zero: the cap is a margin on cost.")
            .When(c => new[] { c.Materials, c.Labour, c.Machinery, c.Other, c.Overhead }.All(p => p is >= 0m and <= ServiceRequestValidator.MaxAmount));
    }
}

internal static class CostRules
{
    public static IRuleBuilderOptions<T, decimal?> Cost<T>(this IRuleBuilder<T, decimal?> rule) =>
        rule.NotNull().GreaterThanOrEqualTo(0m).LessThanOrEqualTo(ServiceRequestValidator.MaxAmount)
            .Must(c => c is null || Money.IsWholeFen(c.Value)).WithMessage("'{PropertyName}' must be a whole number of fen (at most two decimals).");
}
