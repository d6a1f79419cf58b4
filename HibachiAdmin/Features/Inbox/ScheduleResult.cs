namespace HibachiAdmin.Features.Inbox;

/// <param name="Reason">Stable word when refused: notFound, emptyText, tooLong, notInFuture, tooFar, outsideWindow.</param>
/// <param name="Detail">What to tell the person: why it cannot be scheduled, or why it waits longer than asked.</param>
public sealed record ScheduleResult(bool Scheduled, string? Reason = null, string? Detail = null, ScheduledReplyView? Reply = null);
