using PricingApi.Quotes;

namespace PricingApi.Regulator;

/// <summary>A charge as a regulator sees it: the amounts in full, the customer masked.</summary>
public sealed record ChargeView
{
    public required string QuoteNumber { get; init; }
    public DateTimeOffset ChargedAt { get; init; }
    public required MaskedCustomer Customer { get; init; }
    /// <summary>The fee-list version the quote was priced from.</summary>
    public int QuotedFeeListVersion { get; init; }
    /// <summary>The fee-list version in effect at completion.</summary>
    public int FeeListVersionAtCharge { get; init; }
    public required List<ChargeLineResponse> Lines { get; init; }
    public decimal Total { get; init; }
    public string Currency { get; init; } = "CNY";

    public static ChargeView From(Quote quote)
    {
        var charge = quote.Charge!.ToResponse();
        return new ChargeView
        {
            QuoteNumber = quote.Number,
            ChargedAt = charge.ChargedAt,
            Customer = new MaskedCustomer(Masking.Name(quote.Customer.Name), Masking.Phone(quote.Customer.Phone), quote.Customer.District),
            QuotedFeeListVersion = quote.FeeListVersion,
            FeeListVersionAtCharge = charge.FeeListVersionAtCharge,
            Lines = charge.Lines,
            Total = charge.Total,
        };
    }
}

/// <summary>The customer with name and phone masked (张*, 138****0000); the district stays, it names no one.</summary>
public sealed record MaskedCustomer(string Name, string Phone, string District);

/// <summary>A page of charges, earliest first.</summary>
public sealed record ChargePage(int Page, int PageSize, int TotalCount, List<ChargeView> Items);
