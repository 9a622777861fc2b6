using Microsoft.EntityFrameworkCore;

namespace PricingApi.Data;

/// <summary>
/// The model, shared by both providers. The application asks for this type; the registered instance is the
/// provider's own subclass (<see cref="SqlitePricingDbContext"/>, <see cref="PostgresPricingDbContext"/>), each of
/// which owns its committed migrations. Each feature declares its own tables (entity configurations and the
/// <c>db.Quotes</c>-style properties, as C# 14 extension members) so this folder depends on no feature.
/// </summary>
public class PricingDbContext(DbContextOptions options) : DbContext(options)
{
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
