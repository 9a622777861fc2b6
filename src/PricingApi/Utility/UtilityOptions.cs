using FluentValidation;
using PricingApi.Configuration;

namespace PricingApi.Utility;

/// <summary>
/// Who publishes the fee list and how customers reach them: what a Chinese fee list must show beside its
/// items (经营者名称、服务电话、价格举报电话12315). Captured into each version when it is published.
/// </summary>
public sealed class UtilityOptions
{
    public const string Section = "Utility";

    public string Publisher { get; set; } = "昆明自来水集团有限公司";
    public string PublisherEn { get; set; } = "Kunming Water Supply Group Co., Ltd.";
    public string ServicePhone { get; set; } = "0871-96106";
    public string SupervisionPhone { get; set; } = "12315";
}

/// <summary>The pricing policy parameters.</summary>
public sealed class PricingOptions
{
    public const string Section = "Pricing";

    /// <summary>The cost-profit cap as a fraction: 0.10 allows a price of at most cost × 1.10.</summary>
    public decimal CostProfitCap { get; set; } = 0.10m;

    /// <summary>The VAT rates an extended service may carry; the statutory 6%, 9% and 13% unless configured.</summary>
    public decimal[]? VatRates { get; set; }

    /// <summary>The pricing forms an extended service may carry; market-regulated (市场调节价) unless configured.</summary>
    public PricingApi.Pricing.PricingForm[]? ExtendedPricingForms { get; set; }

    // Read through these: the configuration binder appends configured items to an array's initial ones, so the defaults
    // cannot live in the properties themselves.
    public IReadOnlyList<decimal> AllowedVatRates => VatRates is { Length: > 0 } rates ? rates : [0.06m, 0.09m, 0.13m];

    public IReadOnlyList<PricingApi.Pricing.PricingForm> AllowedExtendedPricingForms =>
        ExtendedPricingForms is { Length: > 0 } forms ? forms : [PricingApi.Pricing.PricingForm.MarketRegulated];
}

public sealed class PricingOptionsValidator : AbstractValidator<PricingOptions>
{
    public PricingOptionsValidator()
    {
        RuleFor(o => o.CostProfitCap).Within("Pricing:CostProfitCap (a fraction: 0.10 for 10%)", 0m, 1m);
        RuleForEach(o => o.AllowedVatRates).Within("Pricing:VatRates (each a fraction: 0.06 for 6%)", 0m, 0.99m);
        RuleForEach(o => o.AllowedExtendedPricingForms).IsInEnum().WithMessage("Pricing:ExtendedPricingForms lists a pricing form that does not exist.");
    }
}
