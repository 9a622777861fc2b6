namespace PricingApi.Quotes;

/// <summary>
/// A quote as the clerk asks for it: who, and which services in what quantity. Never a price: prices come from the
/// published fee list. Price fields are declared only so that a client sending one is told so (400), not silently ignored.
/// Every field is nullable so that a missing one is named by the validator.
/// </summary>
public sealed class QuoteRequest
{
    public CustomerRequest? Customer { get; set; }
    public List<QuoteLineRequest?>? Lines { get; set; }
    /// <summary>Not accepted: the total is computed.</summary>
    public decimal? Total { get; set; }
}

public sealed class CustomerRequest
{
    public string? Name { get; set; }
    /// <summary>A mainland mobile number (13812345678) or a landline (0871-63123456).</summary>
    public string? Phone { get; set; }
    public string? Address { get; set; }
    /// <summary>The district (区) as people write it (五华, 五华区, 昆明市五华区); it must lie in the configured service area.</summary>
    public string? District { get; set; }
    /// <summary>The street (街道) or town (乡镇), with or without 街道; required where the area covers only part of the district.</summary>
    public string? Street { get; set; }
}

public sealed class QuoteLineRequest
{
    /// <summary>The code of a published extended service, e.g. EXT-TANK-CLEAN-20.</summary>
    public string? ServiceCode { get; set; }
    /// <summary>
    /// Positive, at most 10,000 and at most two decimals. Fractions only for services priced per length, area,
    /// volume or weight (1.5 百米 = 150 m); a service priced per visit or per item is quoted in whole units.
    /// </summary>
    public decimal? Quantity { get; set; }
    /// <summary>Not accepted: the unit price is taken from the published fee list.</summary>
    public decimal? UnitPrice { get; set; }
    /// <summary>Not accepted: the price is taken from the published fee list.</summary>
    public decimal? Price { get; set; }
    /// <summary>Not accepted: the line total is computed.</summary>
    public decimal? LineTotal { get; set; }
}
