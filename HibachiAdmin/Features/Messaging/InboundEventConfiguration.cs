using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

internal sealed class InboundEventConfiguration : IEntityTypeConfiguration<InboundEvent>
{
    public void Configure(EntityTypeBuilder<InboundEvent> b)
    {
        b.ToTable("InboundEvents");
        b.Property(e => e.Provider).HasMaxLength(20);
        b.Property(e => e.ExternalId).HasMaxLength(100);
        b.Property(e => e.Channel).HasMaxLength(20);
        b.Property(e => e.Outcome).HasMaxLength(200);
        b.Property(e => e.LastError).HasMaxLength(1000);
        b.HasIndex(e => new { e.Provider, e.ExternalId }).IsUnique();
        b.Property(e => e.LockedBy).HasMaxLength(100);
        b.HasIndex(e => e.ProcessedAt);
        b.HasIndex(e => e.LockedBy);
    }
}
