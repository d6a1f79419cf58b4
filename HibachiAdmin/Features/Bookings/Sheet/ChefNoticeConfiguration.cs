using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Bookings.Sheet;

internal sealed class ChefNoticeConfiguration : IEntityTypeConfiguration<ChefNotice>
{
    public void Configure(EntityTypeBuilder<ChefNotice> b)
    {
        b.ToTable("ChefNotices");
        b.Property(n => n.Phone).HasMaxLength(20);
        b.Property(n => n.Text).HasMaxLength(ChefNotice.MaxText);
        b.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Outcome).HasMaxLength(200);
        b.HasIndex(n => n.AssignmentEventId).IsUnique();
        b.HasIndex(n => new { n.Status, n.DueAt });
        b.HasIndex(n => n.BookingId);
    }
}
