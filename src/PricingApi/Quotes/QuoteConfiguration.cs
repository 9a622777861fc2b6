using PricingApi.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PricingApi.Quotes;

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.ToTable("Quotes");
        builder.HasIndex(q => q.Number).IsUnique();
        builder.Property(q => q.Number).HasMaxLength(32);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.Total).HasPrecision(18, 2);
        builder.Property(q => q.CreatedBy).HasMaxLength(200);
        builder.Property(q => q.CreatedByKeyId).HasMaxLength(32);
        builder.Property(q => q.IdempotencyKey).HasMaxLength(Idempotency.MaxKeyLength);
        builder.Property(q => q.RequestHash).HasMaxLength(64);
        builder.Property(q => q.CancelledBy).HasMaxLength(200);
        builder.Property(q => q.ProviderId).HasMaxLength(40);
        builder.Property(q => q.ProviderName).HasMaxLength(200);
        builder.Property(q => q.AcceptedBy).HasMaxLength(200);
        builder.Property(q => q.AcceptedByKeyId).HasMaxLength(32);
        builder.Property(q => q.AcceptanceIdempotencyKey).HasMaxLength(Idempotency.MaxKeyLength);
        // A retried POST finds its first quote through this index; the unique constraint stops two racing retries both inserting.
        builder.HasIndex(q => new { q.CreatedByKeyId, q.IdempotencyKey }).IsUnique();
        // The list is newest first.
        builder.HasIndex(q => q.CreatedAt);
        builder.ComplexProperty(q => q.Customer, customer =>
        {
            customer.Property(c => c.Name).HasColumnName("CustomerName").HasMaxLength(QuoteLimits.NameLength);
            customer.Property(c => c.Phone).HasColumnName("CustomerPhone").HasMaxLength(QuoteLimits.PhoneLength);
            customer.Property(c => c.Address).HasColumnName("CustomerAddress").HasMaxLength(QuoteLimits.AddressLength);
            customer.Property(c => c.District).HasColumnName("CustomerDistrict").HasMaxLength(QuoteLimits.DistrictLength);
            customer.Property(c => c.Street).HasColumnName("CustomerStreet").HasMaxLength(QuoteLimits.StreetLength);
        });
        builder.HasMany(q => q.Lines).WithOne().HasForeignKey(l => l.QuoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(q => q.Charge).WithOne().HasForeignKey<Charge>(c => c.QuoteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuoteLineConfiguration : IEntityTypeConfiguration<QuoteLine>
{
    public void Configure(EntityTypeBuilder<QuoteLine> builder)
    {
        builder.ToTable("QuoteLines");
        builder.HasIndex(l => new { l.QuoteId, l.LineNumber }).IsUnique();
        builder.Property(l => l.ServiceCode).HasMaxLength(40);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.NameEn).HasMaxLength(200);
        builder.Property(l => l.Unit).HasMaxLength(40);
        builder.Property(l => l.UnitEn).HasMaxLength(80);
        builder.Property(l => l.Quantity).HasPrecision(9, 2);
        builder.Property(l => l.UnitPrice).HasPrecision(18, 2);
        builder.Property(l => l.LineTotal).HasPrecision(18, 2);
        builder.Property(l => l.LegalBasis).HasMaxLength(500);
    }
}

internal sealed class QuoteNumberSequenceConfiguration : IEntityTypeConfiguration<QuoteNumberSequence>
{
    public void Configure(EntityTypeBuilder<QuoteNumberSequence> builder)
    {
        builder.ToTable("QuoteNumberSequences");
        builder.HasKey(s => new { s.Series, s.Year });
        builder.Property(s => s.Series).HasMaxLength(8);
        builder.Property(s => s.Year).ValueGeneratedNever();
    }
}
