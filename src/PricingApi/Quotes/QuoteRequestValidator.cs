using FluentValidation;
using PricingApi.Http;
using PricingApi.Validation;

namespace PricingApi.Quotes;

public sealed class QuoteRequestValidator : AbstractValidator<QuoteRequest>
{
    private const string NoPrices = "Prices come from the published fee list; a quote request carries service codes and quantities only, not '{PropertyName}'.";

    public QuoteRequestValidator()
    {
        RuleFor(r => r.Customer).NotNull().SetValidator(new CustomerRequestValidator()!);
        RuleFor(r => r.Lines).NotEmpty().WithMessage("A quote needs at least one line.")
            .Must(l => l is null || l.Count <= QuoteLimits.MaxLines).WithMessage($"A quote holds at most {QuoteLimits.MaxLines} lines.");
        RuleForEach(r => r.Lines).NotNull().SetValidator(new QuoteLineRequestValidator()!);
        RuleFor(r => r.Lines).Custom(WithinTheLimitPerService);
        RuleFor(r => r.Total).Null().WithMessage(NoPrices);
    }

    /// <summary>
    /// A service on several lines counts them together (the completion records it on one line, within the line limit),
    /// so their sum is held to the line limit too: 2 × 10000 of one service was quoted and accepted, then could never
    /// be completed.
    /// </summary>
    private static void WithinTheLimitPerService(List<QuoteLineRequest?>? lines, ValidationContext<QuoteRequest> context)
    {
        var byService = (lines ?? []).Where(l => l?.ServiceCode is not null && l.Quantity is > 0m)
            .GroupBy(l => l!.ServiceCode!.Trim(), StringComparer.Ordinal);
        foreach (var service in byService.Where(s => s.Count() > 1))
        {
            var sum = service.Sum(l => l!.Quantity!.Value);
            if (sum > QuoteLimits.MaxQuantity)
            {
                context.AddFailure("lines", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"Service '{service.Key}' is on several lines with {sum} in all; a quote holds at most {QuoteLimits.MaxQuantity} of one service."));
            }
        }
    }
}

public sealed class CustomerRequestValidator : AbstractValidator<CustomerRequest>
{
    // A mainland mobile (optionally +86), a landline with its area code (optionally an extension), or a local 7–8 digit number.
    private const string PhonePattern = @"^((\+86[ -]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|[2-9]\d{6,7})$";

    public CustomerRequestValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumCharacters(QuoteLimits.NameLength).IsPlainText();
        RuleFor(c => c.Phone).NotEmpty().MaximumCharacters(QuoteLimits.PhoneLength)
            .Matches(PhonePattern).WithMessage("'phone' must be a mainland mobile number (13812345678) or a landline with its area code (0871-63123456).");
        RuleFor(c => c.Address).NotEmpty().MaximumCharacters(QuoteLimits.AddressLength).IsPlainText();
        RuleFor(c => c.District).NotEmpty().MaximumCharacters(QuoteLimits.DistrictLength).IsPlainText();
        RuleFor(c => c.Street).MaximumCharacters(QuoteLimits.StreetLength).IsPlainText();
    }
}

public sealed class QuoteLineRequestValidator : AbstractValidator<QuoteLineRequest>
{
    public QuoteLineRequestValidator() : this(QuoteLimits.MaxQuantity)
    {
    }

    /// <summary>A line of at most <paramref name="maxQuantity"/>: a quote's limit, or a completion's (see <see cref="QuoteLimits.MaxCompletedQuantity"/>).</summary>
    internal QuoteLineRequestValidator(decimal maxQuantity)
    {
        RuleFor(l => l.ServiceCode).NotEmpty().MaximumCharacters(QuoteLimits.ServiceCodeLength).IsPlainText();
        RuleFor(l => l.Quantity).NotNull().GreaterThan(0m).LessThanOrEqualTo(maxQuantity)
            .Must(q => q is null || decimal.Round(q.Value, 2) == q.Value).WithMessage("'quantity' has at most two decimals (1.5 百米 = 150 m).");
        RuleFor(l => l.UnitPrice).Null().WithMessage(NoPrices);
        RuleFor(l => l.Price).Null().WithMessage(NoPrices);
        RuleFor(l => l.LineTotal).Null().WithMessage(NoPrices);
    }

    private const string NoPrices = "Prices come from the published fee list; send only 'serviceCode' and 'quantity', never '{PropertyName}'.";
}

public sealed class CompletionRequestValidator : AbstractValidator<CompletionRequest>
{
    public CompletionRequestValidator()
    {
        RuleFor(r => r.Lines).NotEmpty().WithMessage("A completion needs at least one line of work done.")
            .Must(l => l is null || l.Count <= QuoteLimits.MaxLines).WithMessage($"A completion holds at most {QuoteLimits.MaxLines} lines.");
        RuleForEach(r => r.Lines).NotNull().SetValidator(new QuoteLineRequestValidator(QuoteLimits.MaxCompletedQuantity)!);
    }
}
