using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PricingApi.Data;
using PricingApi.FeeList;

namespace PricingApi.Publishing;

/// <summary>What governs publishing: signatures over each version and proposals awaiting approval.</summary>
public static class PublishingTables
{
    extension(PricingDbContext db)
    {
        public DbSet<FeeListSignature> FeeListSignatures => db.Set<FeeListSignature>();
        public DbSet<PublicationProposal> PublicationProposals => db.Set<PublicationProposal>();
    }
}

internal sealed class FeeListSignatureConfiguration : IEntityTypeConfiguration<FeeListSignature>
{
    public void Configure(EntityTypeBuilder<FeeListSignature> builder)
    {
        builder.ToTable("FeeListSignatures");
        builder.HasKey(s => s.Version);
        builder.Property(s => s.Version).ValueGeneratedNever();
        builder.HasOne<FeeListVersion>().WithOne().HasForeignKey<FeeListSignature>(s => s.Version).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.KeyId).HasMaxLength(64);
        builder.Property(s => s.Jws).HasMaxLength(1000);
    }
}

internal sealed class PublicationProposalConfiguration : IEntityTypeConfiguration<PublicationProposal>
{
    public void Configure(EntityTypeBuilder<PublicationProposal> builder)
    {
        builder.ToTable("PublicationProposals");
        builder.Property(p => p.ProposedBy).HasMaxLength(200);
        builder.Property(p => p.ProposerKeyId).HasMaxLength(32);
        builder.Property(p => p.CatalogDigest).HasMaxLength(64);
        builder.Property(p => p.ApprovedBy).HasMaxLength(200);
        builder.Property(p => p.RejectedBy).HasMaxLength(200);
        builder.Property(p => p.RejectionReason).HasMaxLength(500);
        builder.Ignore(p => p.IsOpen);
    }
}
