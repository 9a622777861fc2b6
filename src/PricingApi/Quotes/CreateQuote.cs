using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PricingApi.ApiKeys;
using PricingApi.Audit;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Utility;

namespace PricingApi.Quotes;

/// <summary><c>POST /api/quotes</c>: refuse what may not be quoted, price the rest from the list in effect, number and save.</summary>
public static class CreateQuote
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const string Description =
        "Send the customer and lines of serviceCode and quantity, never prices (a price field is a 400). Refused with 422: a district outside the pilot area, "
        + "a code that is not a published extended service (unknown, withdrawn, or a basic service, which is free), a fractional quantity of a counted unit. "
        + "With an Idempotency-Key header, a retried request from the same key answers the first quote again (201, header Idempotent-Replayed: true); "
        + "the same key with a different request is a 422.";

    public static async Task<Results<Created<QuoteResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        QuoteRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, QuoteIssuer issuer, QuoteWriter writer, FeeListStore store,
        UtilityClock clock, IOptions<QuotesOptions> options, HttpContext http, CancellationToken ct)
    {
        if (idempotencyKey is not null && !IsValidKey(idempotencyKey))
        {
            return Problems.Invalid(IdempotencyKeyHeader, $"'{IdempotencyKeyHeader}' is 1 to {QuoteLimits.IdempotencyKeyLength} visible ASCII characters, e.g. a UUID.");
        }

        var keyId = http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim)!;
        var requestHash = Hash(request);
        if (idempotencyKey is not null && await issuer.FindAsync(keyId, idempotencyKey, ct) is { } first)
        {
            return Replay(first, requestHash, http, clock.Now);
        }

        var customer = request.Customer!;
        if (QuoteRules.OutsidePilotArea(customer.District!, options.Value.PilotArea) is { } outside)
        {
            return Problems.BusinessRule(outside, Refused);
        }

        // Milliseconds, the precision of effectiveFrom: cut to whole seconds, a quote in the second after a publish
        // took effect would be priced from the list before it. Every database stores milliseconds exactly.
        var now = UtilityTime.ToMillisecond(clock.Now);
        var inEffect = await store.InEffectAsync(now, ct);
        if (inEffect is null || await store.GetAsync(inEffect.Version, ct) is not { } version)
        {
            return Problems.BusinessRule("No fee list is in effect yet: nothing can be quoted until one has been published.", Refused);
        }

        var (lines, refusals) = QuoteRules.Price(version.Public, request.Lines!.Select(l => (l!.ServiceCode!.Trim(), l.Quantity!.Value)).ToList());
        if (refusals.Count > 0)
        {
            return Problems.BusinessRule(string.Join(" ", refusals), Refused);
        }

        var quote = new Quote
        {
            Number = "",
            Status = QuoteStatus.Issued,
            FeeListVersion = version.Version,
            CreatedAt = now,
            ValidUntil = now.AddDays(options.Value.ValidityDays),
            Customer = new QuoteCustomer(customer.Name!.Trim(), customer.Phone!.Trim(), customer.Address!.Trim(), customer.District!.Trim()),
            Lines = lines,
            Total = QuoteRules.Total(lines),
            CreatedBy = Actor.From(http.User).Name,
            CreatedByKeyId = keyId,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
        };
        return await writer.IssueAsync(quote, now.Year, ct) switch
        {
            QuoteIssuer.Outcome.Issued issued => Created(issued.Quote, now),
            QuoteIssuer.Outcome.AlreadyIssued again => Replay(again.Quote, requestHash, http, now),
            _ => Problems.Conflict("Many quotes were being issued at the same moment and this one could not be numbered; send it again."),
        };
    }

    private const string Refused = "The quote cannot be issued.";

    private static Created<QuoteResponse> Created(Quote quote, DateTimeOffset now) =>
        TypedResults.Created($"/api/quotes/{quote.Number}", quote.ToResponse(now));

    /// <summary>The first quote again for a retried request; a different request under the same key is refused.</summary>
    private static Results<Created<QuoteResponse>, ProblemHttpResult, ValidationProblem> Replay(Quote first, string requestHash, HttpContext http, DateTimeOffset now)
    {
        if (first.RequestHash != requestHash)
        {
            return Problems.BusinessRule(
                $"This {IdempotencyKeyHeader} was already used for quote {first.Number}, with a different request. Use a new key for a new quote.", Refused);
        }

        http.Response.Headers[ReplayedHeader] = "true";
        return Created(first, now);
    }

    private static bool IsValidKey(string key) =>
        key.Length is > 0 and <= QuoteLimits.IdempotencyKeyLength && key.All(c => c is > ' ' and <= '~');

    private static string Hash(QuoteRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, PricingJson.Options)));
}
