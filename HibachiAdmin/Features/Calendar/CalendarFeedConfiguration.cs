using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Calendar;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> b)
    {
        b.ToTable("CalendarFeeds");
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.TokenHash).HasMaxLength(64).IsRequired();
        b.Property(f => f.CreatedBy).HasMaxLength(CalendarFeed.MaxActor);
        b.Property(f => f.RevokedBy).HasMaxLength(CalendarFeed.MaxActor);
        b.HasIndex(f => f.TokenHash).IsUnique();
        b.HasIndex(f => new { f.Kind, f.ChefId });
    }
}
