using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Inbox;

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
