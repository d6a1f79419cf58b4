using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Inbox;

internal sealed class ConversationThreadConfiguration : IEntityTypeConfiguration<ConversationThread>
{
    public void Configure(EntityTypeBuilder<ConversationThread> b)
    {
        b.ToTable("Threads");
        b.Property(t => t.Platform).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.ExternalId).HasMaxLength(100);
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.LastMessagePreview).HasMaxLength(200);
        b.HasIndex(t => new { t.Platform, t.ExternalId }).IsUnique();
        b.HasIndex(t => t.LastMessageAt);
        b.HasIndex(t => t.ContactId);
        b.Property(t => t.AccountId).HasMaxLength(100);
        b.Property(t => t.AssigneeId).HasMaxLength(100);
        b.Property(t => t.AssigneeName).HasMaxLength(256);
        b.HasIndex(t => new { t.Status, t.LastMessageAt });
    }
}
