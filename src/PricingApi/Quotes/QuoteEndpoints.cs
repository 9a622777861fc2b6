using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PricingApi.ApiKeys;
using PricingApi.Audit;
using PricingApi.Data;
using PricingApi.Http;
using PricingApi.Utility;
using PricingApi.Validation;
using PricingApi.Security;

namespace PricingApi.Quotes;

/// <summary>Staff quotes (报价) for extended services, priced only from the published fee list.</summary>
public static class QuoteEndpoints
{
    public static RouteGroupBuilder MapQuotes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/quotes")
            .WithTags("Staff quotes")
            .RequireKey(Policies.Staff);

        group.MapPost("/", CreateQuote.HandleAsync).Validate<QuoteRequest>().WithName("CreateQuote")
            .WithSummary("Issue a quote: unit prices, line totals and the total come from the fee list in effect now.")
            .WithDescription(CreateQuote.Description)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListAsync).Validate<QuoteQuery>().WithName("ListQuotes")
            .WithDescription("Staff key. `page` starts at 1; `customer` matches part of the name or phone.")
            .WithSummary("Quotes, newest first, paged; filter by status (issued, accepted, completed, cancelled, expired) and by part of the customer's name or phone.");
        group.MapGet("/{number}", GetAsync).WithName("GetQuote")
            .WithDescription("Staff key. Prices are those of the fee-list version the quote was issued under.").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One quote, with the prices it was issued at whatever has been published since.");
        group.MapPost("/{number}/cancel", CancelAsync).WithName("CancelQuote")
            .WithDescription("Staff key. Cancelling twice answers 409, as does cancelling a completed or expired quote.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel an issued or accepted quote. A cancelled, expired or completed quote cannot be cancelled (409).");
        group.MapPost("/{number}/acceptance", AcceptQuote.HandleAsync).WithName("AcceptQuote")
            .WithSummary("Record that the customer agreed to the quote (status accepted).").WithDescription(AcceptQuote.Description)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
        group.MapPost("/{number}/completion", CompleteQuote.HandleAsync).Validate<CompletionRequest>().WithName("CompleteQuote")
            .WithSummary("Record the work done and charge it (status completed): the answer is the quote with its charge.")
            .WithDescription(CompleteQuote.Description)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{number}/receipt", ReceiptPage.HandleAsync).WithName("PrintReceipt").WithContentSecurityPolicy(PrintedPage.ContentSecurityPolicy)
            .WithDescription("Staff key. Only a completed quote has a receipt (409 otherwise). Private: never cached.")
            .WithSummary("The receipt of a completed quote as a printable A4 page (HTML, Chinese first) for the customer.")
            .Produces<string>(StatusCodes.Status200OK, "text/html").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{number}/print", QuotePrintPage.HandleAsync).WithName("PrintQuote").WithContentSecurityPolicy(PrintedPage.ContentSecurityPolicy)
            .WithDescription("Staff key. Shows the prices the quote was issued at. Private: never cached.")
            .WithSummary("The quote as a printable page (HTML, Chinese first) to hand to the customer.")
            .Produces<string>(StatusCodes.Status200OK, "text/html").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<QuoteResponse>, ProblemHttpResult>> GetAsync(
        string number, PricingDbContext db, UtilityClock clock, CancellationToken ct) =>
        await db.FindQuoteAsync(number, ct) is { } quote ? TypedResults.Ok(quote.ToResponse(clock.Now)) : UnknownNumber(number);

    private static async Task<Ok<QuotePage>> ListAsync([AsParameters] QuoteQuery query, PricingDbContext db, UtilityClock clock, CancellationToken ct)
    {
        var now = clock.Now;
        var quotes = db.Quotes.AsNoTracking();
        quotes = query.StatusFilter switch
        {
            QuoteStatus.Issued => quotes.Where(q => q.Status == QuoteStatus.Issued && q.ValidUntil > now),
            QuoteStatus.Expired => quotes.Where(q => (q.Status == QuoteStatus.Issued || q.Status == QuoteStatus.Accepted) && q.ValidUntil <= now),
            QuoteStatus.Accepted => quotes.Where(q => q.Status == QuoteStatus.Accepted && q.ValidUntil > now),
            QuoteStatus.Completed => quotes.Where(q => q.Status == QuoteStatus.Completed),
            QuoteStatus.Cancelled => quotes.Where(q => q.Status == QuoteStatus.Cancelled),
            _ => quotes,
        };
        if (!string.IsNullOrWhiteSpace(query.Customer))
        {
            var customer = query.Customer.Trim();
            quotes = quotes.Where(q => q.Customer.Name.Contains(customer) || q.Customer.Phone.Contains(customer));
        }

        var total = await quotes.CountAsync(ct);
        var rows = await quotes.OrderByDescending(q => q.CreatedAt).ThenByDescending(q => q.Id)
            .Skip((query.PageOrDefault - 1) * query.PageSizeOrDefault).Take(query.PageSizeOrDefault)
            .Select(q => new { Quote = q, LineCount = q.Lines.Count })
            .ToListAsync(ct);
        return TypedResults.Ok(new QuotePage
        {
            Items = rows.Select(r => r.Quote.ToSummary(r.LineCount, now)).ToList(),
            Page = query.PageOrDefault,
            PageSize = query.PageSizeOrDefault,
            TotalCount = total,
        });
    }

    private static async Task<Results<Ok<QuoteResponse>, ProblemHttpResult>> CancelAsync(
        string number, PricingDbContext db, UtilityClock clock, HttpContext http, CancellationToken ct)
    {
        // To the millisecond, as the quote's other times: a client parsing them meets one precision.
        var now = UtilityTime.ToMillisecond(clock.Now);
        var by = Actor.From(http.User).Name;
        // One conditional statement: of two clerks cancelling at once, exactly one succeeds, and an expired quote is never touched.
        var cancelled = await db.Quotes.Where(q => q.Number == number && (q.Status == QuoteStatus.Issued || q.Status == QuoteStatus.Accepted) && q.ValidUntil > now)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.Status, QuoteStatus.Cancelled)
                .SetProperty(q => q.CancelledAt, now).SetProperty(q => q.CancelledBy, by), ct);
        var quote = await db.FindQuoteAsync(number, ct);
        if (quote is null)
        {
            return UnknownNumber(number);
        }

        var response = quote.ToResponse(now);
        if (cancelled == 0 && response.Status == QuoteStatus.Completed)
        {
            return Problems.Conflict(ChargeMessages.CompletedCannotBeCancelled(number, UtilityTime.Format(quote.CompletedAt!.Value)), ChargeMessages.CancelRefused);
        }

        return cancelled == 1 ? TypedResults.Ok(response) : Problems.Conflict(response.Status == QuoteStatus.Cancelled
            ? $"Quote {number} was already cancelled at {UtilityTime.Format(quote.CancelledAt!.Value)}."
            : $"Quote {number} expired at {UtilityTime.Format(quote.ValidUntil)}; an expired quote is void already and cannot be cancelled.");
    }

    internal static Task<Quote?> FindQuoteAsync(this PricingDbContext db, string number, CancellationToken ct) => FindQuote(db, number, ct);

    // Compiled once: acceptance and completion read a quote on every request, and a query built from its expression
    // each time spent its CPU on EF's query-cache lookup (the expression tree hashed and compared) rather than on SQLite.
    // Set<Quote>() because an extension property (db.Quotes) cannot be evaluated inside a compiled expression.
    private static readonly Func<PricingDbContext, string, CancellationToken, Task<Quote?>> FindQuote = EF.CompileAsyncQuery(
        (PricingDbContext db, string number, CancellationToken ct) => db.Set<Quote>().AsNoTracking().Include(q => q.Lines)
            .Include(q => q.Charge).ThenInclude(c => c!.Lines).AsSingleQuery().FirstOrDefault(q => q.Number == number));

    /// <summary>
    /// The quote a completion works on: with its lines, and with its charge only when it is already completed (the one
    /// case that needs the charge: a retry answered again). A charge exists only on a completed quote, so this is the
    /// same graph as <see cref="FindQuoteAsync"/> for every quote.
    /// </summary>
    internal static async Task<Quote?> FindQuoteToCompleteAsync(this PricingDbContext db, string number, CancellationToken ct)
    {
        var quote = await FindQuoteWithLines(db, number, ct);
        return quote?.Status == QuoteStatus.Completed ? await FindQuote(db, number, ct) : quote;
    }

    // The quote and its lines alone, for a charge an open quote never has: with the charge and its lines joined, EF's
    // shaper also built the nested collections' delegates on every execution (2% of the CPU of a completion run).
    private static readonly Func<PricingDbContext, string, CancellationToken, Task<Quote?>> FindQuoteWithLines = EF.CompileAsyncQuery(
        (PricingDbContext db, string number, CancellationToken ct) => db.Set<Quote>().AsNoTracking().Include(q => q.Lines)
            .AsSingleQuery().FirstOrDefault(q => q.Number == number));

    internal static ProblemHttpResult UnknownNumber(string number) =>
        Problems.NotFound($"There is no quote numbered '{number}'.");
}
