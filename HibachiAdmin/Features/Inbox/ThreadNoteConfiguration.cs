using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Inbox;

internal sealed class ThreadNoteConfiguration : IEntityTypeConfiguration<ThreadNote>
{
    public void Configure(EntityTypeBuilder<ThreadNote> b)
    {
        b.ToTable("ThreadNotes");
        b.Property(n => n.Text).HasMaxLength(2000);
        b.Property(n => n.Author).HasMaxLength(256);
        b.HasIndex(n => new { n.ThreadId, n.At });
        b.HasOne<ConversationThread>().WithMany().HasForeignKey(n => n.ThreadId).OnDelete(DeleteBehavior.Cascade);
    }
}
