using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Inbox;

internal sealed class ScheduledReplyConfiguration : IEntityTypeConfiguration<ScheduledReply>
{
    public void Configure(EntityTypeBuilder<ScheduledReply> b)
    {
        b.ToTable("ScheduledReplies");
        b.Property(r => r.Text).HasMaxLength(ScheduledReplies.MaxScheduledText);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Outcome).HasMaxLength(500);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.Status, r.SendAt });
        b.HasIndex(r => r.ThreadId);
        b.HasOne<ConversationThread>().WithMany().HasForeignKey(r => r.ThreadId).OnDelete(DeleteBehavior.Cascade);
    }
}
