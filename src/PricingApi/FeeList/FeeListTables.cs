using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PricingApi.Data;

namespace PricingApi.FeeList;

/// <summary>The published versions (written by Publishing, read here) and their withdrawals.</summary>
public static class FeeListTables
{
    extension(PricingDbContext db)
    {
        public DbSet<FeeListVersion> FeeListVersions => db.Set<FeeListVersion>();
        public DbSet<FeeListWithdrawal> FeeListWithdrawals => db.Set<FeeListWithdrawal>();

        /// <summary>
        /// The versions that are not withdrawn: the only ones that can ever be in effect, so "the latest version" and
        /// "nothing changed" are judged against them. (Inside a query tree only <c>Set&lt;T&gt;()</c> may be used.)
        /// </summary>
        public IQueryable<FeeListVersion> StandingVersions =>
            db.Set<FeeListVersion>().Where(v => !db.Set<FeeListWithdrawal>().Any(w => w.Version == v.Version));
    }
}

internal sealed class FeeListVersionConfiguration : IEntityTypeConfiguration<FeeListVersion>
{
    public void Configure(EntityTypeBuilder<FeeListVersion> builder)
    {
        builder.ToTable("FeeListVersions");
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

internal sealed class FeeListWithdrawalConfiguration : IEntityTypeConfiguration<FeeListWithdrawal>
{
    public void Configure(EntityTypeBuilder<FeeListWithdrawal> builder)
    {
        builder.ToTable("FeeListWithdrawals");
        // One withdrawal per version at most: the key makes a second (or a racing) withdrawal fail.
        builder.HasKey(w => w.Version);
        builder.Property(w => w.Version).ValueGeneratedNever();
        builder.HasOne<FeeListVersion>().WithOne().HasForeignKey<FeeListWithdrawal>(w => w.Version).OnDelete(DeleteBehavior.Restrict);
        builder.Property(w => w.WithdrawnBy).HasMaxLength(200);
        builder.Property(w => w.Reason).HasMaxLength(500);
    }
}
