namespace HibachiAdmin.Features.Messaging;

/// <param name="MessageId">The inbox message (stable across retries: the idempotency key of every effect).</param>
public sealed record InboundSmsEvent(Guid ContactId, string Phone, string ContactName, Guid ThreadId, Guid MessageId, string Text, DateTime SentAt);
