using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Inbox;

public enum Platform
{
    Sms,
    Instagram,
    Facebook,
}

public enum ThreadStatus
{
    Open,
    Closed,
}

public enum MessageDirection
{
    Inbound,
    Outbound,
}

/// <summary>
/// One conversation with one person on one platform — the single model the SMS, Instagram and
/// Facebook inbox share. An SMS thread is keyed by the contact's number.
/// </summary>
public sealed class ConversationThread
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Platform Platform { get; set; }
    /// <summary>The platform's key for the other party: E.164 for SMS, PSID/IGSID for Meta.</summary>
    public string ExternalId { get; set; } = "";
    public Guid? ContactId { get; set; }
    public string Title { get; set; } = "";
    public ThreadStatus Status { get; set; }
    public DateTime LastMessageAt { get; set; }
    public string? LastMessagePreview { get; set; }
    public int UnreadCount { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class ConversationMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ThreadId { get; set; }
    public MessageDirection Direction { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The provider's message id (RingCentral message id, Meta mid); unique per thread.</summary>
    public string? ExternalId { get; set; }
    /// <summary>For outbound SMS: the OutboundMessage row that carries status and cost.</summary>
    public Guid? OutboundMessageId { get; set; }
    public string? SentBy { get; set; }
    public DateTime At { get; set; }
}

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
    }
}

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
        b.HasOne<ConversationThread>().WithMany().HasForeignKey(m => m.ThreadId).OnDelete(DeleteBehavior.Cascade);
    }
}
