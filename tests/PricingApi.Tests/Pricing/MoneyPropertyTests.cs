using CsCheck;
using PricingApi.Audit;
using PricingApi.Catalog;
using PricingApi.FeeList;
using PricingApi.Pricing;
using PricingApi.Publishing;
using PricingApi.Quotes;
using PricingApi.Regulator;
using PricingApi.Utility;

namespace PricingApi.Tests.Pricing;

/// <summary>
/// The money rules over random catalogs and quotes, each checked against an oracle in whole fen and basis points
/// (integers), which shares no code with the decimal arithmetic under test.
/// </summary>
public class MoneyPropertyTests
{
    private const long Bp = 10_000; // basis points in 1

    /// <summary>Fen amounts up to 100 million yuan (the validators' ceiling), with small amounts as likely as large.</summary>
    private static readonly Gen<long> Fen = Gen.OneOf(Gen.Long[0, 1_000], Gen.Long[0, 1_000_000], Gen.Long[0, 10_000_000_000]);

    /// <summary>VAT in basis points: the usual 6%, 9%, 13%, or anything a four-decimal rate below 1 can be.</summary>
    private static readonly Gen<long> VatBp = Gen.OneOf(Gen.OneOfConst(0L, 600L, 900L, 1_300L), Gen.Long[0, Bp - 1]);

    /// <summary>The cost-profit cap in basis points (the configuration allows 0 to 1).</summary>
    private static readonly Gen<long> CapBp = Gen.OneOf(Gen.Const(1_000L), Gen.Long[0, Bp]);

    private sealed record Item(long[] CostPartsFen, long PriceFen, long VatBp)
    {
        public long CostFen => CostPartsFen.Sum();
    }

    /// <summary>A price near the cap (a few fen either side of the highest allowed) or anywhere at all.</summary>
    private static Gen<Item> ItemUnder(long capBp) =>
        from parts in Fen.Array[5]
        where parts.Sum() > 0
        from vat in VatBp
        let highest = HighestAllowedFen(parts.Sum(), capBp)
        from price in Gen.OneOf(Gen.Long[Math.Max(1, highest - 3), highest + 3], Fen.Where(p => p > 0))
        select new Item(parts, price, vat);

    private static readonly Gen<(long CapBp, Item[] Items)> Catalogs =
        from cap in CapBp
        from items in ItemUnder(cap).Array[1, 30]
        select (cap, items);

    [Fact]
    public void EveryItemTheCatalogRulesAcceptIsWithinTheCapAndEveryRefusedOneIsAbove() =>
        Catalogs.Sample(iter: 1_000, assert: catalog =>
        {
            var cap = new CostProfitCap(Rate(catalog.CapBp));
            foreach (var item in catalog.Items)
            {
                var refusal = CatalogRules.BrokenRule(Request("EXT-P", item), cap);
                var withinOracle = item.PriceFen * Bp <= item.CostFen * (Bp + catalog.CapBp);
                Assert.True((refusal is null) == withinOracle, $"cost {Yuan(item.CostFen)}, price {Yuan(item.PriceFen)}, cap {catalog.CapBp} bp: {refusal ?? "accepted"}");
            }
        });

    [Fact]
    public void APublishedListHoldsOnlyItemsWithinTheCapPricedAtTheRoundedTaxInclusiveFormula() =>
        Catalogs.Sample(iter: 1_000, assert: catalog =>
        {
            var cap = new CostProfitCap(Rate(catalog.CapBp));
            var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, UtilityTime.Offset);
            // What the API lets into the working catalog, and so into a version: only the items the rules accept.
            var accepted = catalog.Items.Select((item, i) => (Item: item, Request: Request($"EXT-P{i}", item)))
                .Where(x => CatalogRules.BrokenRule(x.Request, cap) is null).ToList();
            var items = accepted.Select(x => CatalogRules.Create(x.Request, now)).ToList();
            var document = FeeListSnapshot.Build(1, now, now, new Actor("test", "pricing-admin"), cap, new UtilityOptions(), items);

            Assert.Equal(accepted.Count, document.ExtendedServices.Count);
            foreach (var (item, request) in accepted)
            {
                var entry = document.ExtendedServices.Single(e => e.Code == request.Code);
                Assert.Equal(Yuan(item.CostFen), entry.Cost);
                Assert.True(item.PriceFen * Bp <= item.CostFen * (Bp + catalog.CapBp));
                Assert.Equal(Money.TaxInclusive(entry.PriceExcludingTax, entry.VatRate), entry.Price);
                Assert.Equal(Yuan(TaxInclusiveFen(item.PriceFen, item.VatBp)), entry.Price);
            }

            var report = ComplianceReport.For(document, "digest");
            Assert.True(report.Compliant);
            Assert.All(report.ExtendedServices, line => Assert.True(line.WithinCap));
        });

    [Fact]
    public void TheHighestAllowedPriceIsAllowedAndOneFenMoreIsNot() =>
        Gen.Select(Fen.Array[5].Where(p => p.Sum() > 0), CapBp).Sample((parts, capBp) =>
        {
            var cap = new CostProfitCap(Rate(capBp));
            var cost = Yuan(parts.Sum());
            var highest = cap.HighestAllowedPrice(cost);

            Assert.Equal(Yuan(HighestAllowedFen(parts.Sum(), capBp)), highest);
            Assert.True(cap.Allows(cost, highest));
            Assert.False(cap.Allows(cost, highest + 0.01m));
            Assert.Null(CatalogRules.BrokenRule(Request("EXT-P", new Item(parts, ToFen(highest), 600)), cap));
            var refusal = CatalogRules.BrokenRule(Request("EXT-P", new Item(parts, ToFen(highest) + 1, 600)), cap);
            Assert.NotNull(refusal);
            Assert.Contains($"the highest allowed price is {highest:0.00}", refusal);
        });

    private sealed record Line(int Service, long QuantityHundredths);

    /// <summary>Services priced per visit or per length; a measured unit takes quantities to the hundredth, a counted one whole units.</summary>
    private static readonly Gen<(ExtendedServiceEntry[] Services, Line[] Lines)> Quotes =
        from services in Gen.Select(Fen.Where(p => p > 0), VatBp, Gen.Bool).Array[1, 10]
        from lines in Gen.Select(Gen.Int[0, services.Length - 1], Gen.Long[1, 1_000_000]).Array[1, QuoteLimits.MaxLines]
        let entries = services.Select((s, i) => Entry($"EXT-Q{i}", s.Item1, s.Item2, measured: s.Item3)).ToArray()
        select (entries, lines.Select(l => new Line(l.Item1, entries[l.Item1].Unit == "百米" ? l.Item2 : Math.Max(1, l.Item2 / 100) * 100)).ToArray());

    [Fact]
    public void AQuoteTotalIsTheSumOfItsLinesAndEachLineIsUnitPriceTimesQuantityRoundedToTheFen() =>
        Quotes.Sample(iter: 1_000, assert: quote =>
        {
            var list = new FeeListDocument
            {
                Version = 1, Publisher = "p", ServicePhone = "s", SupervisionPhone = "12315",
                BasicServices = [], ExtendedServices = quote.Services,
            };
            var requested = quote.Lines.Select(l => (quote.Services[l.Service].Code, l.QuantityHundredths / 100m)).ToList();

            var (lines, refusals) = QuoteRules.Price(list, requested);

            Assert.Empty(refusals);
            Assert.Equal(quote.Lines.Length, lines.Count);
            var totalFen = 0L;
            foreach (var (line, asked) in lines.Zip(quote.Lines))
            {
                var unitFen = ToFen(quote.Services[asked.Service].Price);
                var lineFen = (unitFen * asked.QuantityHundredths + 50) / 100; // half-up, all positive
                Assert.Equal(Money.ToFen(line.UnitPrice * line.Quantity), line.LineTotal);
                Assert.Equal(Yuan(lineFen), line.LineTotal);
                totalFen += lineFen;
            }

            Assert.Equal(Yuan(totalFen), QuoteRules.Total(lines));
            Assert.Equal(lines.Sum(l => l.LineTotal), QuoteRules.Total(lines));
        });

    private static ExtendedServiceEntry Entry(string code, long priceFen, long vatBp, bool measured) => new()
    {
        Code = code, Name = code, NameEn = code, Description = "", LegalBasis = "",
        Unit = measured ? "百米" : "次", UnitEn = measured ? "per 100 m" : "per visit",
        PriceExcludingTax = Yuan(priceFen), VatRate = Rate(vatBp),
        Price = Yuan(TaxInclusiveFen(priceFen, vatBp)),
    };

    private static ServiceRequest Request(string code, Item item) => new()
    {
        Code = code, Kind = ServiceKind.Extended, Category = ServiceCategory.Cleaning,
        Name = "清洗", NameEn = "Cleaning", Unit = "次", UnitEn = "per visit", Description = "d", LegalBasis = "l",
        CostBasis = new CostBasisRequest
        {
            Materials = Yuan(item.CostPartsFen[0]), Labour = Yuan(item.CostPartsFen[1]), Machinery = Yuan(item.CostPartsFen[2]),
            Other = Yuan(item.CostPartsFen[3]), Overhead = Yuan(item.CostPartsFen[4]),
        },
        PriceExcludingTax = Yuan(item.PriceFen),
        VatRate = Rate(item.VatBp),
    };

    private static long HighestAllowedFen(long costFen, long capBp) => costFen * (Bp + capBp) / Bp;

    private static long TaxInclusiveFen(long priceFen, long vatBp) => (priceFen * (Bp + vatBp) + Bp / 2) / Bp;

    private static decimal Yuan(long fen) => fen / 100m;

    private static long ToFen(decimal yuan) => (long)(yuan * 100m);

    private static decimal Rate(long bp) => bp / (decimal)Bp;
}
