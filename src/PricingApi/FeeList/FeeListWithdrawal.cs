namespace PricingApi.FeeList;

/// <summary>
/// The withdrawal of a scheduled version before it took effect. Kept in its own append-only table so the version's
/// row (and the bytes its digest and signature cover) is never updated: a withdrawal adds a fact, it changes none.
/// </summary>
public sealed class FeeListWithdrawal
{
    public int Version { get; set; }
    public DateTimeOffset WithdrawnAt { get; set; }
    public required string WithdrawnBy { get; set; }
    public required string Reason { get; set; }
}
