using System.Globalization;

namespace PricingApi.Quotes;

/// <summary>
/// Every refusal of acceptance, completion and cancellation after acceptance, written once in English; the Chinese a
/// counter clerk reads (the default) is in <c>Http/ProblemTexts.zh.resx</c>, keyed by these templates.
/// </summary>
public static class ChargeMessages
{
    public const string AcceptRefused = "The quote cannot be accepted.";
    public const string CompleteRefused = "The work cannot be completed and charged.";
    public const string CancelRefused = "The quote cannot be cancelled.";

    public const string ExpiredTemplate = "Quote {0} expired at {1}; it can no longer be accepted or completed. Issue a new quote.";
    public const string CancelledTemplate = "Quote {0} was cancelled at {1}; it can no longer be accepted or completed.";
    public const string AlreadyAcceptedTemplate = "Quote {0} was already accepted at {1}.";
    public const string AlreadyCompletedTemplate = "Quote {0} was already completed and charged at {1}; a charge is never changed.";
    public const string NotAcceptedTemplate = "Quote {0} has not been accepted by the customer; accept it before completing the work.";
    public const string CompletedCannotBeCancelledTemplate = "Quote {0} was completed and charged at {1}; a completed quote cannot be cancelled.";
    public const string KeyReusedTemplate = "This Idempotency-Key was already used for quote {0} with a different request. Use a new key for a new request.";
    public const string BusyTemplate = "Quote {0} was being changed at the same moment; read it again and retry.";
    public const string NotOnQuoteTemplate = "Line {0}: '{1}' is not on the quote; only services on the quote can be charged.";
    public const string RepeatedTemplate = "Line {0}: '{1}' appears more than once; give each service one line.";
    public const string WholeUnitsTemplate = "Line {0}: '{1}' is priced per {2} and charged in whole units; {3} is not a whole number.";
    public const string MoreThanQuotedTemplate = "Line {0}: '{1}' done {2} {3} is more than the {4} quoted; a counted service cannot exceed the quote.";
    public const string BeyondToleranceTemplate = "Line {0}: '{1}' done {2} {3} is beyond the {4}% tolerance over the quote (at most {5}); quote the rest anew.";

    public static string Expired(string number, string validUntil) => F(ExpiredTemplate, number, validUntil);

    public static string Cancelled(string number, string cancelledAt) => F(CancelledTemplate, number, cancelledAt);

    public static string AlreadyAccepted(string number, string acceptedAt) => F(AlreadyAcceptedTemplate, number, acceptedAt);

    public static string AlreadyCompleted(string number, string completedAt) => F(AlreadyCompletedTemplate, number, completedAt);

    public static string NotAccepted(string number) => F(NotAcceptedTemplate, number);

    public static string CompletedCannotBeCancelled(string number, string completedAt) => F(CompletedCannotBeCancelledTemplate, number, completedAt);

    public static string KeyReused(string number) => F(KeyReusedTemplate, number);

    public static string Busy(string number) => F(BusyTemplate, number);

    public static string NotOnQuote(int line, string code) => F(NotOnQuoteTemplate, line, code);

    public static string Repeated(int line, string code) => F(RepeatedTemplate, line, code);

    public static string WholeUnits(int line, string code, string unit, decimal quantity) => F(WholeUnitsTemplate, line, code, unit, Show(quantity));

    public static string MoreThanQuoted(int line, string code, string unit, decimal quantity, decimal quoted) =>
        F(MoreThanQuotedTemplate, line, code, Show(quantity), unit, Show(quoted));

    public static string BeyondTolerance(int line, string code, string unit, decimal quantity, decimal highest, int percent) =>
        F(BeyondToleranceTemplate, line, code, Show(quantity), unit, percent, Show(highest));

    private static string F(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);

    private static string Show(decimal quantity) => QuoteRules.Normalize(quantity).ToString(CultureInfo.InvariantCulture);
}
