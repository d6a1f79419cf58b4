using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Alerts;

internal sealed class WebPushSubscriptionConfiguration : IEntityTypeConfiguration<WebPushSubscription>
{
    public void Configure(EntityTypeBuilder<WebPushSubscription> b)
    {
        b.ToTable("WebPushSubscriptions");
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.Endpoint).HasMaxLength(WebPushSubscription.MaxEndpoint);
        b.Property(s => s.P256dh).HasMaxLength(200);
        b.Property(s => s.Auth).HasMaxLength(100);
        b.HasIndex(s => s.Endpoint).IsUnique();
        b.HasIndex(s => s.UserId);
    }
}
