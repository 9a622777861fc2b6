using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PricingApi.Data;

namespace PricingApi.Audit;

/// <summary>The audit trail's table.</summary>
public static class AuditTables
{
    extension(PricingDbContext db)
    {
        public DbSet<AuditEntry> AuditEntries => db.Set<AuditEntry>();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.ActorRole).HasMaxLength(32);
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.Subject).HasMaxLength(64);
        builder.Property(a => a.ServiceCode).HasMaxLength(40);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => a.ServiceCode);
    }
}
