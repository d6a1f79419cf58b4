using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.QrCodes;

internal sealed class QrLeadLinkConfiguration : IEntityTypeConfiguration<QrLeadLink>
{
    public void Configure(EntityTypeBuilder<QrLeadLink> b)
    {
        b.ToTable("QrLeadLinks");
        b.Property(l => l.Via).HasMaxLength(10);
        b.HasIndex(l => new { l.QrCodeId, l.LeadId }).IsUnique();
        b.HasOne<QrCode>().WithMany().HasForeignKey(l => l.QrCodeId).OnDelete(DeleteBehavior.Cascade);
    }
}
