using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Bookings.Sheet;

internal sealed class ChefSheetLinkConfiguration : IEntityTypeConfiguration<ChefSheetLink>
{
    public void Configure(EntityTypeBuilder<ChefSheetLink> b)
    {
        b.ToTable("ChefSheetLinks");
        b.Property(l => l.TokenHash).HasMaxLength(64);
        b.HasIndex(l => l.TokenHash).IsUnique();
        b.HasIndex(l => new { l.BookingId, l.ChefId });
    }
}
