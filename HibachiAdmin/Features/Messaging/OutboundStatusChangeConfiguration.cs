using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

internal sealed class OutboundStatusChangeConfiguration : IEntityTypeConfiguration<OutboundStatusChange>
{
    public void Configure(EntityTypeBuilder<OutboundStatusChange> b)
    {
        b.ToTable("OutboundStatusChanges");
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Detail).HasMaxLength(500);
        b.HasIndex(c => c.MessageId);
        b.HasOne<OutboundMessage>().WithMany().HasForeignKey(c => c.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
