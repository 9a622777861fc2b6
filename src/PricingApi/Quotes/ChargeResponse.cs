namespace PricingApi.Quotes;

/// <summary>The charge on a completed quote: the work done and what each line costs the customer.</summary>
public sealed class ChargeResponse
{
    public required List<ChargeLineResponse> Lines { get; init; }
    /// <summary>The sum of the line totals, tax included.</summary>
    public decimal Total { get; init; }
    public DateTimeOffset ChargedAt { get; init; }
    /// <summary>The name of the key that recorded the completion.</summary>
    public required string ChargedBy { get; init; }
    /// <summary>The fee-list version in effect at completion, whose prices were compared with the quote's.</summary>
    public int FeeListVersionAtCharge { get; init; }
    public string Currency { get; init; } = "CNY";
}

public sealed class ChargeLineResponse
{
    public required string ServiceCode { get; init; }
    public decimal Quantity { get; init; }
    /// <summary>The lower of quotedUnitPrice and listUnitPrice, tax included.</summary>
    public decimal UnitPrice { get; init; }
    /// <summary>unitPrice × quantity, rounded half-up to the fen.</summary>
    public decimal LineTotal { get; init; }
    /// <summary>The unit price on the quote.</summary>
    public decimal QuotedUnitPrice { get; init; }
    /// <summary>The unit price in the version in effect at completion; null when that version no longer lists the service, or lists it in another unit.</summary>
    public decimal? ListUnitPrice { get; init; }
    /// <summary>The fee-list version unitPrice came from.</summary>
    public int FeeListVersion { get; init; }
}

/// <summary>The work actually done: services on the quote and their quantities; never prices.</summary>
public sealed class CompletionRequest
{
    public List<QuoteLineRequest?>? Lines { get; set; }
}
