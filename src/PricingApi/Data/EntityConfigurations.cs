using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PricingApi.ApiKeys;
using PricingApi.Audit;
using PricingApi.Catalog;
using PricingApi.Pricing;
using PricingApi.Publishing;

namespace PricingApi.Data;

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

internal sealed class FeeListVersionConfiguration : IEntityTypeConfiguration<FeeListVersion>
{
    public void Configure(EntityTypeBuilder<FeeListVersion> builder)
    {
        // The version number is assigned by the publisher (max + 1), not by the database, and the
        // primary key makes a second writer with the same number fail rather than both succeed.
        builder.HasKey(v => v.Version);
        builder.Property(v => v.Version).ValueGeneratedNever();
        // Not unique: a withdrawn version keeps its effectiveFrom, and a correction may take effect at the same time.
        // The publisher orders the versions that are not withdrawn; the primary key settles races.
        builder.HasIndex(v => v.EffectiveFrom);
        builder.Property(v => v.PublishedBy).HasMaxLength(200);
        builder.Property(v => v.Digest).HasMaxLength(64);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.ActorRole).HasMaxLength(32);
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.Subject).HasMaxLength(64);
        builder.Property(a => a.ServiceCode).HasMaxLength(40);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => a.ServiceCode);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasIndex(k => k.KeyId).IsUnique();
        builder.Property(k => k.KeyId).HasMaxLength(32);
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Role).HasMaxLength(32);
        builder.Property(k => k.SecretHash).HasMaxLength(32);
    }
}
