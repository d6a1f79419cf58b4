using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("WebhookSubscriptions");
        b.Property(s => s.Provider).HasMaxLength(20);
        b.Property(s => s.ExternalId).HasMaxLength(100);
        b.Property(s => s.Address).HasMaxLength(500);
        b.Property(s => s.Status).HasMaxLength(30);
        b.Property(s => s.LastError).HasMaxLength(1000);
        b.HasIndex(s => new { s.Provider, s.ExternalId }).IsUnique();
    }
}
