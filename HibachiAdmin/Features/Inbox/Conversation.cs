using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Inbox;

public enum Platform
{
    Sms,
    Instagram,
    Facebook,
}

/// <summary>Open: waiting on us. Pending: waiting on the customer. Snoozed: hidden until a time. A customer reply reopens any of them.</summary>
public enum ThreadStatus
{
    Open,
    Pending,
    Resolved,
    Snoozed,
}

/// <summary>What kind of thing a message is; reactions and story replies are shown in context, never dropped.</summary>
public enum MessageKind
{
    Text,
    Reaction,
    StoryReply,
    StoryMention,
}

/// <summary>Delivery of our own messages: only moves forward (Queued → Sent → Delivered → Read), or to Failed.</summary>
public enum MessageStatus
{
    Queued,
    Sent,
    Delivered,
    Read,
    Failed,
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
    /// <summary>Meta: our Page or Instagram account the person wrote to (the Send API's sender).</summary>
    public string? AccountId { get; set; }
    /// <summary>When the person last wrote (opens Meta's 24-hour window and the 7-day human-agent window).</summary>
    public DateTime? LastInboundAt { get; set; }
    /// <summary>The first customer message we have not answered yet; null when answered.</summary>
    public DateTime? WaitingSince { get; set; }
    public DateTime? SnoozedUntil { get; set; }
    public string? AssigneeId { get; set; }
    public string? AssigneeName { get; set; }
    /// <summary>The lead made from this conversation (the lead links back by ThreadId).</summary>
    public Guid? LeadId { get; set; }
}

/// <summary>A private note staff leave on a thread; never sent.</summary>
public sealed class ThreadNote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ThreadId { get; set; }
    public string Text { get; set; } = "";
    public string Author { get; set; } = "";
    public DateTime At { get; set; }
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
    public MessageKind Kind { get; set; }
    /// <summary>Our own messages on Meta (SMS status lives on the OutboundMessage row): queued → sent → delivered → read, or failed.</summary>
    public MessageStatus? Status { get; set; }
    /// <summary>Why a send failed, as the provider said it.</summary>
    public string? Error { get; set; }
    /// <summary>Attachments as JSON (<see cref="MessageAttachment"/>[]), null when none.</summary>
    public string? Attachments { get; set; }
    /// <summary>The message a reaction or reply refers to (provider id).</summary>
    public string? ReplyToExternalId { get; set; }
    /// <summary>Sent by the app without a person (confirmations, auto-replies): never tagged HUMAN_AGENT.</summary>
    public bool Automated { get; set; }
    /// <summary>The Meta message tag it was sent with (HUMAN_AGENT), if any.</summary>
    public string? Tag { get; set; }
}

public sealed record MessageAttachment(string Type, string? Url);

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
