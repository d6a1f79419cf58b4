namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>A text's status moved to <paramref name="Status"/> at <paramref name="At"/>.</summary>
/// <param name="CorrelationId">The sender's idempotency key (e.g. <c>campaign:{campaign}:{contact}</c>): how the sender finds its row even before it recorded the text.</param>
/// <param name="Error">The carrier's words for a failure.</param>
public sealed record OutboundStatusChanged(Guid MessageId, string CorrelationId, OutboundStatus Status, DateTime At, string? Error);
