using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PricingApi.ApiKeys;
using PricingApi.Audit;
using PricingApi.Data;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Utility;

namespace PricingApi.Quotes;

/// <summary>
/// <c>POST /api/quotes/{number}/completion</c>: the work done on an accepted quote, priced by the system as the lower of
/// the quoted price and the price in effect now, and saved as an immutable charge through the quotes' group commit.
/// </summary>
public static class CompleteQuote
{
    public const string Description =
        "Send the work done as lines of serviceCode and quantity, never prices. Only services on the quote; a quantity may be lower than quoted, "
        + "and for measured units (米, 百米…) higher within Quotes:CompletionTolerancePercent (20% by default); anything else is a 422 naming the line. "
        + "Each unit price charged is the lower of the quoted price and the price in effect at completion. Only an accepted, unexpired quote can be "
        + "completed (409 otherwise). With an Idempotency-Key header, the same key retrying the same request answers the charge again "
        + "(200, header Idempotent-Replayed: true); the same key with different work is a 422.";

    public static async Task<Results<Ok<QuoteResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        string number, CompletionRequest request, [FromHeader(Name = Idempotency.KeyHeader)] string? idempotencyKey, PricingDbContext db,
        QuoteWriter writer, FeeListStore store, UtilityClock clock, IOptions<QuotesOptions> options, HttpContext http, CancellationToken ct)
    {
        if (Idempotency.Invalid(idempotencyKey) is { } invalid)
        {
            return invalid;
        }

        var keyId = http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim)!;
        var requestHash = idempotencyKey is null ? "" : Idempotency.Hash(request);
        // Milliseconds, as for a new quote: the prices are chosen at this instant and the charge is recorded at it, so a
        // price cut that took effect a moment ago reaches the customer, and a regulator finds the same version in effect.
        var now = UtilityTime.ToMillisecond(clock.Now);
        if (await db.FindQuoteToCompleteAsync(number, ct) is not { } quote)
        {
            return QuoteEndpoints.UnknownNumber(number);
        }

        if (Answer(quote, now, idempotencyKey, keyId, requestHash, http) is { } answered)
        {
            return answered;
        }

        var inEffect = await store.InEffectAsync(now, ct) is { } summary ? await store.GetAsync(summary.Version, ct) : null;
        var list = inEffect?.Public ?? (await store.GetAsync(quote.FeeListVersion, ct))!.Public;
        var (lines, refusals) = ChargeRules.Price(quote.Lines, quote.FeeListVersion, list,
            request.Lines!.Select(l => (l!.ServiceCode!.Trim(), l.Quantity!.Value)).ToList(), options.Value.CompletionTolerancePercent);
        if (refusals.Count > 0)
        {
            return Problems.BusinessRule(string.Join(" ", refusals), ChargeMessages.CompleteRefused);
        }

        var charge = new Charge
        {
            QuoteId = quote.Id,
            ChargedAt = now,
            FeeListVersionAtCharge = list.Version,
            Lines = lines,
            Total = ChargeRules.Total(lines),
            ChargedBy = Actor.From(http.User).Name,
            ChargedByKeyId = keyId,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
        };
        if (await writer.CompleteAsync(charge, ct))
        {
            quote.Status = QuoteStatus.Completed;
            quote.CompletedAt = now;
            quote.Charge = charge;
            return TypedResults.Ok(quote.ToResponse(now));
        }

        // Changed meanwhile (cancelled, expired, or completed by a retry that won the race): answer from what is stored now.
        var stored = await db.FindQuoteAsync(number, ct);
        return (stored is null ? null : Answer(stored, now, idempotencyKey, keyId, requestHash, http))
               ?? Problems.Conflict(ChargeMessages.Busy(number), ChargeMessages.CompleteRefused);
    }

    /// <summary>The answer for a quote that is not open for completion (a retry replayed, or a 409/422), or null when it is.</summary>
    private static Results<Ok<QuoteResponse>, ProblemHttpResult, ValidationProblem>? Answer(
        Quote quote, DateTimeOffset now, string? idempotencyKey, string keyId, string requestHash, HttpContext http)
    {
        if (quote.Charge is { } charge && Idempotency.IsRetry(idempotencyKey, keyId, charge.IdempotencyKey, charge.ChargedByKeyId))
        {
            if (charge.RequestHash != requestHash)
            {
                return Problems.BusinessRule(ChargeMessages.KeyReused(quote.Number), ChargeMessages.CompleteRefused);
            }

            Idempotency.MarkReplayed(http);
            return TypedResults.Ok(quote.ToResponse(now));
        }

        var status = QuoteRules.StatusAt(quote.Status, quote.ValidUntil, now);
        if (status != QuoteStatus.Accepted && QuoteStates.Refusal(quote, status, ChargeMessages.CompleteRefused) is { } refusal)
        {
            return refusal;
        }

        return null;
    }
}
