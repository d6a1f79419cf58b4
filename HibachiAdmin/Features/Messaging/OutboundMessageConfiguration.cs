using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> b)
    {
        b.ToTable("OutboundMessages");
        b.Property(m => m.To).HasMaxLength(20);
        b.Property(m => m.From).HasMaxLength(20);
        b.Property(m => m.Text).HasMaxLength(2000);
        b.Property(m => m.Purpose).HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.RefusedReason).HasMaxLength(50);
        b.Property(m => m.Error).HasMaxLength(500);
        b.Property(m => m.Provider).HasMaxLength(20);
        b.Property(m => m.ProviderMessageId).HasMaxLength(100);
        b.Property(m => m.Encoding).HasMaxLength(10);
        b.Property(m => m.Cost).HasPrecision(10, 4);
        b.Property(m => m.CorrelationId).HasMaxLength(200);
        b.HasIndex(m => m.CorrelationId).IsUnique();
        b.HasIndex(m => m.ProviderMessageId);
        b.HasIndex(m => new { m.To, m.CreatedAt });
        // The in-doubt recovery looks for queued texts by age every minute.
        b.HasIndex(m => new { m.Status, m.UpdatedAt });
    }
}
