using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.QrCodes;

internal sealed class QrCodeConfiguration : IEntityTypeConfiguration<QrCode>
{
    public void Configure(EntityTypeBuilder<QrCode> b)
    {
        b.ToTable("QrCodes");
        b.Property(c => c.Slug).HasMaxLength(QrSlugs.MaxLength);
        b.HasIndex(c => c.Slug).IsUnique();
        b.Property(c => c.Name).HasMaxLength(QrCode.MaxName);
        b.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.DestinationUrl).HasMaxLength(QrCode.MaxUrl);
        b.Property(c => c.Venue).HasMaxLength(QrCode.MaxVenue);
        b.Property(c => c.Campaign).HasMaxLength(QrCode.MaxCampaign);
        b.Property(c => c.UtmSource).HasMaxLength(QrCode.MaxUtm);
        b.Property(c => c.UtmMedium).HasMaxLength(QrCode.MaxUtm);
        b.Property(c => c.UtmCampaign).HasMaxLength(QrCode.MaxUtm);
        b.Property(c => c.UtmContent).HasMaxLength(QrCode.MaxUtm);
        b.Property(c => c.ForegroundColor).HasMaxLength(QrCode.MaxColor);
        b.Property(c => c.BackgroundColor).HasMaxLength(QrCode.MaxColor);
        b.Property(c => c.ErrorCorrection).HasConversion<string>().HasMaxLength(1);
        b.HasIndex(c => new { c.Venue, c.TableNumber });
        b.HasIndex(c => c.CreatedAt);
    }
}
