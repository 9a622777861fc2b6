namespace PricingApi.Quotes;

/// <summary>
/// A quote (报价单) made on the utility's behalf. Everything a customer was promised is copied onto it when it
/// is issued (the fee-list version, each item's name, unit and price), so a later publication never alters it.
/// </summary>
public sealed class Quote
{
    public long Id { get; set; }
    /// <summary>&lt;provider prefix&gt;-&lt;year&gt;-&lt;6 digits&gt;, from the database-side counter of that provider and year; unique, never reused.</summary>
    public required string Number { get; set; }
    /// <summary>Stored as issued, accepted, completed or cancelled: expiry is read off <see cref="ValidUntil"/> against the clock.</summary>
    public QuoteStatus Status { get; set; }
    public int FeeListVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The quote holds while now &lt; ValidUntil; from that instant on it is expired.</summary>
    public DateTimeOffset ValidUntil { get; set; }
    public required QuoteCustomer Customer { get; set; }
    /// <summary>The provider (经营者) of every line, who issues the quote and charges for the work: its id and name as published.</summary>
    public string ProviderId { get; set; } = "";
    public string ProviderName { get; set; } = "";
    public decimal Total { get; set; }
    /// <summary>The name of the key that issued the quote.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>The key id that issued it: an Idempotency-Key is only ever matched against the same key's quotes.</summary>
    public required string CreatedByKeyId { get; set; }
    public string? IdempotencyKey { get; set; }
    /// <summary>SHA-256 of the request body, so a reused Idempotency-Key with a different request is recognised.</summary>
    public required string RequestHash { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelledBy { get; set; }
    /// <summary>When the customer agreed, and the key that recorded it (with its Idempotency-Key, so a retry is answered again).</summary>
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedBy { get; set; }
    public string? AcceptedByKeyId { get; set; }
    public string? AcceptanceIdempotencyKey { get; set; }
    /// <summary>When the work was completed and charged; the charge itself is <see cref="Charge"/>.</summary>
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>When the customer's name, phone and address were erased at the end of the retention period.</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; set; }
    public List<QuoteLine> Lines { get; set; } = [];
    public Charge? Charge { get; set; }
}

/// <summary>One quoted item, priced from the fee-list version of its quote and frozen there.</summary>
public sealed class QuoteLine
{
    public long Id { get; set; }
    public long QuoteId { get; set; }
    /// <summary>1-based position, in the order the clerk entered the lines.</summary>
    public int LineNumber { get; set; }
    public required string ServiceCode { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public required string Unit { get; set; }
    public required string UnitEn { get; set; }
    public decimal Quantity { get; set; }
    /// <summary>Tax-inclusive, as published.</summary>
    public decimal UnitPrice { get; set; }
    /// <summary>UnitPrice × Quantity, rounded half-up to the fen.</summary>
    public decimal LineTotal { get; set; }
    /// <summary>The document the charge rests on, as the fee list named it.</summary>
    public required string LegalBasis { get; set; }
}

/// <summary>Who the quote is for. The district and street (as the area names them) decide whether extended services are offered there.</summary>
public sealed record QuoteCustomer(string Name, string Phone, string Address, string District, string? Street = null);

public enum QuoteStatus { Issued, Cancelled, Expired, Accepted, Completed }

/// <summary>
/// The last quote number a provider's series handed out in a year. Incremented in the transaction that inserts the quote, so two
/// instances sharing one database can never hand out the same number, and a rolled-back quote takes none.
/// </summary>
public sealed class QuoteNumberSequence
{
    /// <summary>The provider's quote prefix: each provider numbers its own quotes.</summary>
    public string Series { get; set; } = "";
    public int Year { get; set; }
    public int Last { get; set; }
}
