using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PricingApi.Data;

namespace PricingApi.ApiKeys;

/// <summary>The API keys' table (hashed secrets only).</summary>
public static class ApiKeyTables
{
    extension(PricingDbContext db)
    {
        public DbSet<ApiKey> ApiKeys => db.Set<ApiKey>();
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasIndex(k => k.KeyId).IsUnique();
        builder.Property(k => k.KeyId).HasMaxLength(32);
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Role).HasMaxLength(32);
        builder.Property(k => k.SecretHash).HasMaxLength(32);
    }
}
