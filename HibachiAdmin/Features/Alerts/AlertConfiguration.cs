using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Alerts;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("Alerts");
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.SourceKey).HasMaxLength(Alert.MaxSourceKey);
        b.Property(a => a.Title).HasMaxLength(Alert.MaxTitle);
        b.Property(a => a.Body).HasMaxLength(Alert.MaxBody);
        b.Property(a => a.Link).HasMaxLength(Alert.MaxLink);
        b.HasIndex(a => new { a.UserId, a.SourceKey }).IsUnique();
        b.HasIndex(a => new { a.UserId, a.ReadAt });
        b.HasIndex(a => new { a.UserId, a.CreatedAt });
    }
}
