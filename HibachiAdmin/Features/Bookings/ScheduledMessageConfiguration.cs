using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Bookings;

internal sealed class ScheduledMessageConfiguration : IEntityTypeConfiguration<ScheduledMessage>
{
    public void Configure(EntityTypeBuilder<ScheduledMessage> b)
    {
        b.ToTable("ScheduledMessages");
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Outcome).HasMaxLength(200);
        b.HasIndex(m => new { m.Status, m.DueAt });
        b.HasIndex(m => new { m.BookingId, m.Kind });
    }
}
