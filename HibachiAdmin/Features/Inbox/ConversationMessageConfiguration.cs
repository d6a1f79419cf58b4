using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Inbox;

internal sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> b)
    {
        b.ToTable("Messages");
        b.Property(m => m.Direction).HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.Text).HasMaxLength(4000);
        b.Property(m => m.ExternalId).HasMaxLength(100);
        b.Property(m => m.SentBy).HasMaxLength(256);
        b.HasIndex(m => new { m.ThreadId, m.ExternalId }).IsUnique();
        b.HasIndex(m => new { m.ThreadId, m.At });
        b.HasIndex(m => m.OutboundMessageId);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Error).HasMaxLength(500);
        b.Property(m => m.Attachments).HasMaxLength(4000);
        b.Property(m => m.ReplyToExternalId).HasMaxLength(100);
        b.Property(m => m.Tag).HasMaxLength(30);
        b.HasOne<ConversationThread>().WithMany().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
    }
}
