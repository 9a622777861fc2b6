using Mapster;
using PricingApi.Pricing;

namespace PricingApi.Quotes;

/// <summary>
/// Entity → DTO. The status is read against the clock passed in (expiry is never stored), and money is written with
/// two decimals whatever scale the database handed back.
/// </summary>
public static class QuoteMapping
{
    private const string NowParameter = "now";
    private static readonly TypeAdapterConfig Config = CreateConfig();

    public static QuoteResponse ToResponse(this Quote quote, DateTimeOffset now) =>
        quote.BuildAdapter(Config).AddParameters(NowParameter, now).AdaptToType<QuoteResponse>();

    public static QuoteSummary ToSummary(this Quote quote, int lineCount, DateTimeOffset now) =>
        quote.BuildAdapter(Config).AddParameters(NowParameter, now).AdaptToType<QuoteSummary>() with { LineCount = lineCount };

    public static ChargeResponse ToResponse(this Charge charge) => charge.Adapt<ChargeResponse>(Config);

    private static DateTimeOffset Now => (DateTimeOffset)MapContext.Current!.Parameters[NowParameter];

    private static TypeAdapterConfig CreateConfig()
    {
        var config = new TypeAdapterConfig();
        // The customer record is immutable: share it rather than rebuild it.
        config.NewConfig<QuoteCustomer, QuoteCustomer>().MapWith(c => c);
        config.NewConfig<Quote, QuoteResponse>()
            .Map(d => d.Status, s => QuoteRules.StatusAt(s.Status, s.ValidUntil, Now))
            .Map(d => d.Total, s => Money.ToFen(s.Total))
            .Map(d => d.Provider, s => new QuoteProvider(s.ProviderId, s.ProviderName))
            .Map(d => d.Lines, s => s.Lines.OrderBy(l => l.LineNumber));
        config.NewConfig<Quote, QuoteSummary>()
            .Map(d => d.Status, s => QuoteRules.StatusAt(s.Status, s.ValidUntil, Now))
            .Map(d => d.Total, s => Money.ToFen(s.Total))
            .Ignore(d => d.LineCount);
        config.NewConfig<QuoteLine, QuoteLineResponse>()
            .Map(d => d.Quantity, s => QuoteRules.Normalize(s.Quantity))
            .Map(d => d.UnitPrice, s => Money.ToFen(s.UnitPrice))
            .Map(d => d.LineTotal, s => Money.ToFen(s.LineTotal));
        config.NewConfig<Charge, ChargeResponse>()
            .Map(d => d.Total, s => Money.ToFen(s.Total))
            .Map(d => d.Lines, s => s.Lines.OrderBy(l => l.LineNumber));
        config.NewConfig<ChargeLine, ChargeLineResponse>()
            .Map(d => d.Quantity, s => QuoteRules.Normalize(s.Quantity))
            .Map(d => d.QuotedUnitPrice, s => Money.ToFen(s.QuotedUnitPrice))
            .Map(d => d.ListUnitPrice, s => s.ListUnitPrice == null ? (decimal?)null : Money.ToFen(s.ListUnitPrice.Value))
            .Map(d => d.UnitPrice, s => Money.ToFen(s.UnitPrice))
            .Map(d => d.LineTotal, s => Money.ToFen(s.LineTotal));
        config.Compile();
        return config;
    }
}
