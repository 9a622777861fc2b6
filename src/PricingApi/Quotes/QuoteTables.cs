using Microsoft.EntityFrameworkCore;
using PricingApi.Data;

namespace PricingApi.Quotes;

/// <summary>The quotes' tables: quotes with their lines, each provider's number series, and charges.</summary>
public static class QuoteTables
{
    extension(PricingDbContext db)
    {
        public DbSet<Quote> Quotes => db.Set<Quote>();
        public DbSet<QuoteNumberSequence> QuoteNumberSequences => db.Set<QuoteNumberSequence>();
        public DbSet<Charge> Charges => db.Set<Charge>();
    }
}
