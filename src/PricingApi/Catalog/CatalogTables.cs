using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PricingApi.Data;
using PricingApi.Pricing;

namespace PricingApi.Catalog;

/// <summary>The catalog's tables: one row per service, basic and extended (TPH).</summary>
public static class CatalogTables
{
    extension(PricingDbContext db)
    {
        public DbSet<CatalogItem> CatalogItems => db.Set<CatalogItem>();
        public DbSet<BasicService> BasicServices => db.Set<BasicService>();
        public DbSet<ExtendedService> ExtendedServices => db.Set<ExtendedService>();
    }
}

internal sealed class CatalogItemConfiguration : IEntityTypeConfiguration<CatalogItem>
{
    public void Configure(EntityTypeBuilder<CatalogItem> builder)
    {
        builder.ToTable("CatalogItems");
        // The kind is the type itself (TPH discriminator), so it cannot drift from the fields the type carries.
        builder.Ignore(i => i.Kind);
        builder.HasDiscriminator<string>("Discriminator")
            .HasValue<BasicService>("basic")
            .HasValue<ExtendedService>("extended");
        builder.Property("Discriminator").HasColumnName("Kind").HasMaxLength(16);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Code).HasMaxLength(40);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.NameEn).HasMaxLength(200);
        builder.Property(i => i.Description).HasMaxLength(2000);
        builder.Property(i => i.LegalBasis).HasMaxLength(500);
        builder.Property(i => i.Revision).IsConcurrencyToken();
    }
}

internal sealed class BasicServiceConfiguration : IEntityTypeConfiguration<BasicService>
{
    public void Configure(EntityTypeBuilder<BasicService> builder) =>
        builder.Property(b => b.PaidBy).HasConversion<string>().HasMaxLength(16);
}

internal sealed class ExtendedServiceConfiguration : IEntityTypeConfiguration<ExtendedService>
{
    public void Configure(EntityTypeBuilder<ExtendedService> builder)
    {
        builder.Property(e => e.Category).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.PricingForm).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.ProviderId).HasMaxLength(40);
        builder.Property(e => e.Unit).HasMaxLength(40);
        builder.Property(e => e.UnitEn).HasMaxLength(80);
        builder.Property(e => e.PriceExcludingTax).HasPrecision(18, 2);
        builder.Property(e => e.VatRate).HasPrecision(9, 4);
        builder.ComplexProperty(e => e.CostBasis, cost =>
        {
            cost.Property(c => c.Materials).HasColumnName("CostMaterials").HasPrecision(18, 2);
            cost.Property(c => c.Labour).HasColumnName("CostLabour").HasPrecision(18, 2);
            cost.Property(c => c.Machinery).HasColumnName("CostMachinery").HasPrecision(18, 2);
            cost.Property(c => c.Other).HasColumnName("CostOther").HasPrecision(18, 2);
            cost.Property(c => c.Overhead).HasColumnName("CostOverhead").HasPrecision(18, 2);
        });
    }
}
