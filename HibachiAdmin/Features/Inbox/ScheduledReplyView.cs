namespace HibachiAdmin.Features.Inbox;

/// <summary>A scheduled reply as the thread lists it.</summary>
public sealed record ScheduledReplyView(Guid Id, Guid ThreadId, string Text, DateTime RequestedAt, DateTime SendAt, bool Marketing, ScheduledReplyStatus Status,
    string? Outcome, string CreatedBy, DateTime? DoneAt);
