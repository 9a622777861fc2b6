using Microsoft.EntityFrameworkCore;
using PricingApi.ApiKeys;
using PricingApi.Audit;
using PricingApi.Catalog;
using PricingApi.Publishing;
using PricingApi.Quotes;

namespace PricingApi.Data;

/// <summary>
/// The model, shared by both providers. The application asks for this type; the registered instance is the
/// provider's own subclass (<see cref="SqlitePricingDbContext"/>, <see cref="PostgresPricingDbContext"/>), each of
/// which owns its committed migrations.
/// </summary>
public class PricingDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<CatalogItem> CatalogItems => Set<CatalogItem>();
    public DbSet<BasicService> BasicServices => Set<BasicService>();
    public DbSet<ExtendedService> ExtendedServices => Set<ExtendedService>();
    public DbSet<FeeListVersion> FeeListVersions => Set<FeeListVersion>();
    public DbSet<FeeListWithdrawal> FeeListWithdrawals => Set<FeeListWithdrawal>();
    public DbSet<FeeListSignature> FeeListSignatures => Set<FeeListSignature>();
    public DbSet<PublicationProposal> PublicationProposals => Set<PublicationProposal>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<QuoteNumberSequence> QuoteNumberSequences => Set<QuoteNumberSequence>();
    public DbSet<Charge> Charges => Set<Charge>();

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
        else if (Database.IsNpgsql())
        {
            // timestamptz stores an instant; Npgsql writes only offset-zero values, so normalise on the way in.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
        }
    }
}

public sealed class SqlitePricingDbContext(DbContextOptions<SqlitePricingDbContext> options) : PricingDbContext(options);

public sealed class PostgresPricingDbContext(DbContextOptions<PostgresPricingDbContext> options) : PricingDbContext(options);
