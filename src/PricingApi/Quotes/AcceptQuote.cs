using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PricingApi.ApiKeys;
using PricingApi.Audit;
using PricingApi.Data;
using PricingApi.Http;
using PricingApi.Utility;

namespace PricingApi.Quotes;

/// <summary><c>POST /api/quotes/{number}/acceptance</c>: the customer agreed to an issued, unexpired quote.</summary>
public static class AcceptQuote
{
    public const string Description =
        "Only an issued quote that has not expired can be accepted; an expired, cancelled, already accepted or completed quote is a 409 "
        + "that says so in words for the counter. With an Idempotency-Key header, the same key retrying answers the accepted quote again "
        + "(200, header Idempotent-Replayed: true).";

    public static async Task<Results<Ok<QuoteResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        string number, [FromHeader(Name = Idempotency.KeyHeader)] string? idempotencyKey, PricingDbContext db, WriteGate gate, UtilityClock clock,
        HttpContext http, CancellationToken ct)
    {
        if (Idempotency.Invalid(idempotencyKey) is { } invalid)
        {
            return invalid;
        }

        var now = UtilityTime.ToMillisecond(clock.Now);
        var keyId = http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim)!;
        var by = Actor.From(http.User).Name;
        // One conditional statement: of two clerks (or a clerk and a cancellation), exactly one changes the quote. In the
        // write gate, so on SQLite it queues behind the quotes' group commit instead of busy-waiting for its lock.
        int accepted;
        using (await gate.EnterAsync(ct))
        {
            accepted = await db.Quotes.Where(q => q.Number == number && q.Status == QuoteStatus.Issued && q.ValidUntil > now)
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.Status, QuoteStatus.Accepted).SetProperty(q => q.AcceptedAt, now)
                    .SetProperty(q => q.AcceptedBy, by).SetProperty(q => q.AcceptedByKeyId, keyId)
                    .SetProperty(q => q.AcceptanceIdempotencyKey, idempotencyKey), ct);
        }

        if (await db.FindQuoteAsync(number, ct) is not { } quote)
        {
            return QuoteEndpoints.UnknownNumber(number);
        }

        var response = quote.ToResponse(now);
        if (accepted == 1)
        {
            return TypedResults.Ok(response);
        }

        // A retry of the acceptance this key made is answered again with the quote as it is now, also once the work was
        // recorded or the quote's validity passed: the client's first call may have timed out after it succeeded. Not
        // once it was cancelled: a 200 would read as "accepted"; the 409 says it was cancelled.
        if (quote.AcceptedAt is not null && response.Status != QuoteStatus.Cancelled
            && Idempotency.IsRetry(idempotencyKey, keyId, quote.AcceptanceIdempotencyKey, quote.AcceptedByKeyId))
        {
            Idempotency.MarkReplayed(http);
            return TypedResults.Ok(response);
        }

        return QuoteStates.Refusal(quote, response.Status, ChargeMessages.AcceptRefused)
               ?? Problems.Conflict(ChargeMessages.Busy(number), ChargeMessages.AcceptRefused);
    }
}

/// <summary>The 409 for a quote whose state forbids accepting or completing it, shared by both so they read alike.</summary>
public static class QuoteStates
{
    public static ProblemHttpResult? Refusal(Quote quote, QuoteStatus status, string title) => status switch
    {
        QuoteStatus.Expired => Conflict(ChargeMessages.Expired(quote.Number, UtilityTime.Format(quote.ValidUntil)), title),
        QuoteStatus.Cancelled => Conflict(ChargeMessages.Cancelled(quote.Number, UtilityTime.Format(quote.CancelledAt!.Value)), title),
        QuoteStatus.Accepted when title == ChargeMessages.AcceptRefused => Conflict(ChargeMessages.AlreadyAccepted(quote.Number, UtilityTime.Format(quote.AcceptedAt!.Value)), title),
        QuoteStatus.Completed => Conflict(ChargeMessages.AlreadyCompleted(quote.Number, UtilityTime.Format(quote.CompletedAt!.Value)), title),
        QuoteStatus.Issued when title == ChargeMessages.CompleteRefused => Conflict(ChargeMessages.NotAccepted(quote.Number), title),
        _ => null,
    };

    private static ProblemHttpResult Conflict(string detail, string title) => Problems.Conflict(detail, title);
}
