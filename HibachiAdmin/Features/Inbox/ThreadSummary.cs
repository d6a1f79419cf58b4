using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Inbox;

/// <param name="WaitingSince">The oldest customer message not answered yet (null when answered).</param>
public sealed record ThreadSummary(
    Guid Id,
    Platform Platform,
    string Title,
    Guid? ContactId,
    ThreadStatus Status,
    DateTime LastMessageAt,
    string? LastMessagePreview,
    int UnreadCount,
    string? AssigneeId = null,
    string? AssigneeName = null,
    DateTime? WaitingSince = null,
    DateTime? SnoozedUntil = null,
    Guid? LeadId = null,
    DateTime? LastInboundAt = null);
