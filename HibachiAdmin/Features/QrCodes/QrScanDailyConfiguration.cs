using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.QrCodes;

internal sealed class QrScanDailyConfiguration : IEntityTypeConfiguration<QrScanDaily>
{
    public void Configure(EntityTypeBuilder<QrScanDaily> b)
    {
        b.ToTable("QrScanDaily");
        b.HasKey(d => new { d.QrCodeId, d.Day, d.Dimension, d.Value, d.IsBot });
        b.Property(d => d.Dimension).HasMaxLength(10);
        b.Property(d => d.Value).HasMaxLength(100);
        b.HasOne<QrCode>().WithMany().HasForeignKey(d => d.QrCodeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.Day, d.Dimension });
    }
}
