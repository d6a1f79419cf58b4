using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.QrCodes;

internal sealed class QrScanConfiguration : IEntityTypeConfiguration<QrScan>
{
    public void Configure(EntityTypeBuilder<QrScan> b)
    {
        b.ToTable("QrScans");
        b.Property(s => s.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Device).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.AnonymizedIp).HasMaxLength(45);
        b.Property(s => s.UserAgent).HasMaxLength(QrScan.MaxUserAgent);
        b.Property(s => s.Referer).HasMaxLength(QrScan.MaxReferer);
        b.Property(s => s.Os).HasMaxLength(30);
        b.Property(s => s.Browser).HasMaxLength(30);
        b.Property(s => s.Country).HasMaxLength(2);
        b.Property(s => s.Region).HasMaxLength(100);
        b.Property(s => s.City).HasMaxLength(100);
        b.HasOne<QrCode>().WithMany().HasForeignKey(s => s.QrCodeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.QrCodeId, s.At });
        b.HasIndex(s => new { s.VisitorId, s.QrCodeId });
    }
}
