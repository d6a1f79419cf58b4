namespace HibachiAdmin.Features.Messaging.Contracts;

/// <param name="To">Any common phone format; normalized to E.164 by the service.</param>
/// <param name="CorrelationId">The caller's id for idempotency (e.g. "booking-reminder:{bookingId}"): a second send with the same id returns the first result.</param>
public sealed record OutboundSms(Guid? ContactId, string To, string Text, SmsPurpose Purpose, string? CorrelationId = null);
