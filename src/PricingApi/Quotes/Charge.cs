namespace PricingApi.Quotes;

/// <summary>
/// What the customer was finally charged for the work done on a quote (收费). Priced by the system at completion and
/// never changed afterwards: the application has no code path that updates or deletes it, and the database refuses it
/// too (see the QuoteToCharge migration's triggers). It holds no personal data, so erasing a customer leaves it whole.
/// </summary>
public sealed class Charge
{
    public long Id { get; set; }
    /// <summary>Unique: a quote is charged once.</summary>
    public long QuoteId { get; set; }
    public DateTimeOffset ChargedAt { get; set; }
    /// <summary>The version in effect at completion, whose prices were compared with the quote's.</summary>
    public int FeeListVersionAtCharge { get; set; }
    public decimal Total { get; set; }
    /// <summary>The name of the key that recorded the completion.</summary>
    public required string ChargedBy { get; set; }
    /// <summary>The key id that recorded it: an Idempotency-Key is only matched against the same key's completions.</summary>
    public required string ChargedByKeyId { get; set; }
    public string? IdempotencyKey { get; set; }
    /// <summary>SHA-256 of the completion request, so a reused Idempotency-Key with different work is recognised.</summary>
    public required string RequestHash { get; set; }
    public List<ChargeLine> Lines { get; set; } = [];
}

/// <summary>One charged service: the work done, and the unit price the customer pays for it with where that price came from.</summary>
public sealed class ChargeLine
{
    public long Id { get; set; }
    public long ChargeId { get; set; }
    public int LineNumber { get; set; }
    public required string ServiceCode { get; set; }
    public decimal Quantity { get; set; }
    /// <summary>The unit price on the quote.</summary>
    public decimal QuotedUnitPrice { get; set; }
    /// <summary>The unit price in the version in effect at completion; null when that version no longer lists the service, or lists it in another unit.</summary>
    public decimal? ListUnitPrice { get; set; }
    /// <summary>The lower of the two: what is charged.</summary>
    public decimal UnitPrice { get; set; }
    /// <summary>The fee-list version <see cref="UnitPrice"/> came from.</summary>
    public int FeeListVersion { get; set; }
    /// <summary>UnitPrice × Quantity, rounded half-up to the fen.</summary>
    public decimal LineTotal { get; set; }
}
