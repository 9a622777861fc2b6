namespace PricingApi.Quotes;

/// <summary>A quote as staff and customers see it; the stored request hash, key id and Idempotency-Key stay inside.</summary>
public sealed class QuoteResponse
{
    public required string Number { get; init; }
    /// <summary>issued, cancelled, or expired (once now reaches validUntil).</summary>
    public QuoteStatus Status { get; init; }
    /// <summary>The fee-list version every price on this quote was taken from.</summary>
    public int FeeListVersion { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ValidUntil { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    /// <summary>When the customer agreed to the quote.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }
    /// <summary>When the work was completed and charged.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
    /// <summary>When the customer's name, phone and address were erased at the end of the retention period (they then read as empty).</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; init; }
    /// <summary>The name of the key that issued the quote.</summary>
    public required string CreatedBy { get; init; }
    public required QuoteCustomer Customer { get; init; }
    /// <summary>The company that issues the quote, performs the work and charges for it (经营者).</summary>
    public required QuoteProvider Provider { get; init; }
    public required List<QuoteLineResponse> Lines { get; init; }
    /// <summary>The sum of the line totals, tax included.</summary>
    public decimal Total { get; init; }
    public string Currency { get; init; } = "CNY";
    /// <summary>What was finally charged for the work done, once the quote is completed; null before.</summary>
    public ChargeResponse? Charge { get; init; }
}

public sealed record QuoteProvider(string Id, string Name);

public sealed class QuoteLineResponse
{
    public required string ServiceCode { get; init; }
    public required string Name { get; init; }
    public required string NameEn { get; init; }
    public required string Unit { get; init; }
    public required string UnitEn { get; init; }
    public decimal Quantity { get; init; }
    /// <summary>Tax-inclusive, from the quote's fee-list version.</summary>
    public decimal UnitPrice { get; init; }
    /// <summary>unitPrice × quantity, rounded half-up to the fen.</summary>
    public decimal LineTotal { get; init; }
    public required string LegalBasis { get; init; }
}

/// <summary>One quote in the list: who, when, how much, without its lines.</summary>
public sealed record QuoteSummary
{
    public required string Number { get; init; }
    public QuoteStatus Status { get; init; }
    public int FeeListVersion { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ValidUntil { get; init; }
    public required QuoteCustomer Customer { get; init; }
    public int LineCount { get; init; }
    public decimal Total { get; init; }
    public string Currency { get; init; } = "CNY";
}

/// <summary>A page of quotes, newest first.</summary>
public sealed class QuotePage
{
    public required List<QuoteSummary> Items { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; }
    /// <summary>How many quotes match the filter, over all pages.</summary>
    public int TotalCount { get; init; }
}
