using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PricingApi.Publishing;

namespace PricingApi.Data;

internal sealed class FeeListWithdrawalConfiguration : IEntityTypeConfiguration<FeeListWithdrawal>
{
    public void Configure(EntityTypeBuilder<FeeListWithdrawal> builder)
    {
        // One withdrawal per version at most: the key makes a second (or a racing) withdrawal fail.
        builder.HasKey(w => w.Version);
        builder.Property(w => w.Version).ValueGeneratedNever();
        builder.HasOne<FeeListVersion>().WithOne().HasForeignKey<FeeListWithdrawal>(w => w.Version).OnDelete(DeleteBehavior.Restrict);
        builder.Property(w => w.WithdrawnBy).HasMaxLength(200);
        builder.Property(w => w.Reason).HasMaxLength(500);
    }
}

internal sealed class FeeListSignatureConfiguration : IEntityTypeConfiguration<FeeListSignature>
{
    public void Configure(EntityTypeBuilder<FeeListSignature> builder)
    {
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
        builder.Property(p => p.ProposedBy).HasMaxLength(200);
        builder.Property(p => p.ProposerKeyId).HasMaxLength(32);
        builder.Property(p => p.CatalogDigest).HasMaxLength(64);
        builder.Property(p => p.ApprovedBy).HasMaxLength(200);
    }
}
