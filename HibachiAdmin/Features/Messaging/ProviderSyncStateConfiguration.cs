using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

internal sealed class ProviderSyncStateConfiguration : IEntityTypeConfiguration<ProviderSyncState>
{
    public void Configure(EntityTypeBuilder<ProviderSyncState> b)
    {
        b.ToTable("ProviderSyncStates");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(60);
        // Two inbound workers bumping at once: one of them fails and retries instead of losing a bump.
        b.Property(s => s.PendingVersion).IsConcurrencyToken();
        b.Property(s => s.SyncToken).HasMaxLength(500);
        b.Property(s => s.LastError).HasMaxLength(500);
        b.Property(s => s.LockedBy).HasMaxLength(100);
    }
}
