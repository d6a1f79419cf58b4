using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Infrastructure.Events;

internal sealed class OutboxEntryConfiguration : IEntityTypeConfiguration<OutboxEntry>
{
    public void Configure(EntityTypeBuilder<OutboxEntry> b)
    {
        b.ToTable("Outbox");
        b.HasIndex(o => o.EventId).IsUnique();
        b.HasIndex(o => new { o.DispatchedAt, o.DeadLettered, o.NextAttemptAt });
        b.Property(o => o.EventType).HasMaxLength(100);
        b.Property(o => o.LockedBy).HasMaxLength(LeaseClaims.MaxOwnerLength);
        b.Property(o => o.LastError).HasMaxLength(OutboxDispatcher.MaxErrorLength);
    }
}
