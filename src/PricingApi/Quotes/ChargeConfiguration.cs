using PricingApi.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PricingApi.Quotes;

internal sealed class ChargeConfiguration : IEntityTypeConfiguration<Charge>
{
    public void Configure(EntityTypeBuilder<Charge> builder)
    {
        builder.ToTable("Charges");
        // One charge per quote: of two completions racing, the second insert fails instead of charging twice.
        builder.HasIndex(c => c.QuoteId).IsUnique();
        // The regulator's view is a date range.
        builder.HasIndex(c => c.ChargedAt);
        builder.Property(c => c.Total).HasPrecision(18, 2);
        builder.Property(c => c.ChargedBy).HasMaxLength(200);
        builder.Property(c => c.ChargedByKeyId).HasMaxLength(32);
        builder.Property(c => c.IdempotencyKey).HasMaxLength(Idempotency.MaxKeyLength);
        builder.Property(c => c.RequestHash).HasMaxLength(64);
        builder.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.ChargeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChargeLineConfiguration : IEntityTypeConfiguration<ChargeLine>
{
    public void Configure(EntityTypeBuilder<ChargeLine> builder)
    {
        builder.ToTable("ChargeLines");
        builder.HasIndex(l => new { l.ChargeId, l.LineNumber }).IsUnique();
        builder.Property(l => l.ServiceCode).HasMaxLength(40);
        builder.Property(l => l.Quantity).HasPrecision(9, 2);
        builder.Property(l => l.QuotedUnitPrice).HasPrecision(18, 2);
        builder.Property(l => l.ListUnitPrice).HasPrecision(18, 2);
        builder.Property(l => l.UnitPrice).HasPrecision(18, 2);
        builder.Property(l => l.LineTotal).HasPrecision(18, 2);
    }
}
