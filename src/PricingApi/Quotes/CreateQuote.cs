using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PricingApi.ApiKeys;
using PricingApi.Audit;
using PricingApi.FeeList;
using PricingApi.Http;
using PricingApi.Providers;
using PricingApi.ServiceArea;
using PricingApi.Utility;

namespace PricingApi.Quotes;

/// <summary><c>POST /api/quotes</c>: refuse what may not be quoted, price the rest from the list in effect, number and save.</summary>
public static class CreateQuote
{
    public const string IdempotencyKeyHeader = Idempotency.KeyHeader;
    public const string ReplayedHeader = Idempotency.ReplayedHeader;

    public const string Description =
        "Send the customer and lines of serviceCode and quantity, never prices (a price field is a 400). The district may be written as people write it "
        + "(五华, 五华区, 昆明市五华区); customer.street (街道) is required where the service area covers only part of the district (GET /api/service-area), else a 400. "
        + "Refused with 422: an address outside the service area (the detail says where the area is), "
        + "a code that is not a published extended service (unknown, withdrawn, or a basic service, which is free), a fractional quantity of a counted unit, "
        + "lines of two providers (each provider issues its own quotes, numbered in its own series). "
        + "With an Idempotency-Key header, a retried request from the same key answers the first quote again (201, header Idempotent-Replayed: true); "
        + "the same key with a different request is a 422.";

    public static async Task<Results<Created<QuoteResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        QuoteRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, QuoteIssuer issuer, QuoteWriter writer, FeeListStore store,
        UtilityClock clock, IOptions<QuotesOptions> options, IOptions<ServiceAreaOptions> area, IOptions<ProvidersOptions> providers, HttpContext http, CancellationToken ct)
    {
        if (Idempotency.Invalid(idempotencyKey) is { } invalid)
        {
            return invalid;
        }

        var keyId = http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim)!;
        // Only a request that can be retried needs its hash: without a key, skip serialising and hashing it.
        var requestHash = idempotencyKey is null ? "" : Idempotency.Hash(request);
        if (idempotencyKey is not null && await issuer.FindAsync(keyId, idempotencyKey, ct) is { } first)
        {
            return Replay(first, requestHash, http, clock.Now);
        }

        var customer = request.Customer!;
        var place = AreaLocator.Place(customer.District!, customer.Street, area.Value);
        switch (place)
        {
            case AreaPlacement.StreetNeeded needed:
                return Problems.Invalid("customer.street", Localization.ForProblem(http, needed.Reason));
            case AreaPlacement.Outside outside:
                return Problems.BusinessRule(Localization.ForProblem(http, outside.Reason), Refused);
        }

        var inside = (AreaPlacement.Inside)place;

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

        var (provider, mixed) = QuoteRules.Provider(lines, version.Public.ExtendedServices, ProviderEntry.From(providers.Value.Default));
        if (mixed is { } twoProviders)
        {
            return Problems.BusinessRule(Localization.ForProblem(http, twoProviders), Refused);
        }

        var quote = new Quote
        {
            Number = "",
            Status = QuoteStatus.Issued,
            FeeListVersion = version.Version,
            CreatedAt = now,
            ValidUntil = now.AddDays(options.Value.ValidityDays),
            Customer = new QuoteCustomer(customer.Name!.Trim(), customer.Phone!.Trim(), customer.Address!.Trim(), inside.District, inside.Street),
            ProviderId = provider!.Id,
            ProviderName = provider.Name,
            Lines = lines,
            Total = QuoteRules.Total(lines),
            CreatedBy = Actor.From(http.User).Name,
            CreatedByKeyId = keyId,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
        };
        // The provider's series as configured now; a provider no longer configured keeps numbering under the default's prefix.
        var series = (providers.Value.Find(provider.Id) ?? providers.Value.Default).QuotePrefix;
        return await writer.IssueAsync(quote, series, now.Year, ct) switch
        {
            QuoteIssuer.Outcome.Issued issued => Counted(Created(issued.Quote, now)),
            QuoteIssuer.Outcome.AlreadyIssued again => Replay(again.Quote, requestHash, http, now),
            _ => Problems.Conflict("Many quotes were being issued at the same moment and this one could not be numbered; send it again."),
        };
    }

    private const string Refused = "The quote cannot be issued.";

    private static T Counted<T>(T issued)
    {
        Operations.PricingMetrics.QuotesIssued.Add(1);
        return issued;
    }

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

        Idempotency.MarkReplayed(http);
        return Created(first, now);
    }
}
