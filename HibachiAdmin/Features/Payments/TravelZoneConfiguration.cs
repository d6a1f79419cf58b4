using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Payments;

internal sealed class TravelZoneConfiguration : IEntityTypeConfiguration<TravelZone>
{
    public void Configure(EntityTypeBuilder<TravelZone> b)
    {
        b.ToTable("TravelZones");
        b.Property(z => z.Name).HasMaxLength(TravelZone.MaxName);
        b.Property(z => z.Zips).HasMaxLength(TravelZone.MaxZips);
        b.Property(z => z.Fee).HasPrecision(10, 2);
    }
}
