using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Alerts;

internal sealed class AlertDeliveryConfiguration : IEntityTypeConfiguration<AlertDelivery>
{
    public void Configure(EntityTypeBuilder<AlertDelivery> b)
    {
        b.ToTable("AlertDeliveries");
        b.Property(d => d.UserId).HasMaxLength(450);
        b.Property(d => d.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Title).HasMaxLength(Alert.MaxTitle);
        b.Property(d => d.Body).HasMaxLength(2000);
        b.Property(d => d.Error).HasMaxLength(1000);
        b.HasIndex(d => new { d.Status, d.CreatedAt });
    }
}
