using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Infrastructure.Events;

internal sealed class StoredEventConfiguration : IEntityTypeConfiguration<StoredEvent>
{
    public void Configure(EntityTypeBuilder<StoredEvent> b)
    {
        b.ToTable("Events");
        b.HasIndex(e => new { e.StreamId, e.Version }).IsUnique();
        b.HasIndex(e => e.EventId).IsUnique();
        b.Property(e => e.StreamType).HasMaxLength(50);
        b.Property(e => e.EventType).HasMaxLength(100);
        b.Property(e => e.UserName).HasMaxLength(256);
    }
}
