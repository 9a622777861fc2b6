using Microsoft.EntityFrameworkCore;
using PricingApi.ApiKeys;
using PricingApi.Audit;
using PricingApi.Catalog;
using PricingApi.Publishing;
using PricingApi.Quotes;

namespace PricingApi.Data;

public sealed class PricingDbContext(DbContextOptions<PricingDbContext> options) : DbContext(options)
{
    public DbSet<CatalogItem> CatalogItems => Set<CatalogItem>();
    public DbSet<BasicService> BasicServices => Set<BasicService>();
    public DbSet<ExtendedService> ExtendedServices => Set<ExtendedService>();
    public DbSet<FeeListVersion> FeeListVersions => Set<FeeListVersion>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<QuoteNumberSequence> QuoteNumberSequences => Set<QuoteNumberSequence>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PricingDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type that orders across offsets; store instants as UTC ticks
        // so "which version was in effect at T" is a plain integer comparison.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }
}
