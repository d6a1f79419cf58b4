using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Inbox;

internal sealed class SavedReplyConfiguration : IEntityTypeConfiguration<SavedReply>
{
    public void Configure(EntityTypeBuilder<SavedReply> b)
    {
        b.ToTable("SavedReplies");
        b.Property(r => r.Shortcut).HasMaxLength(SavedReplyService.MaxShortcut);
        b.Property(r => r.Body).HasMaxLength(SavedReplyService.MaxBody);
        b.Property(r => r.OwnerId).HasMaxLength(100);
        b.Property(r => r.UpdatedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.OwnerId, r.Shortcut });
    }
}
