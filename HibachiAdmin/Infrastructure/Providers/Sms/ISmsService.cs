namespace HibachiAdmin.Infrastructure.Providers.Sms;

/// <summary>Why a text is sent; decides which consent rules apply (Features/Messaging enforces them).</summary>
public enum SmsPurpose
{
    /// <summary>A staff reply in a conversation the customer started.</summary>
    Conversational,
    /// <summary>Booking confirmations, reminders: about a transaction the customer asked for.</summary>
    Transactional,
    /// <summary>Campaigns and review requests: needs opted-in consent.</summary>
    Marketing,
    /// <summary>The single confirmation allowed after an opt-out.</summary>
    OptOutConfirmation,
    /// <summary>The answer to HELP/INFO.</summary>
    Help,
    /// <summary>The one "Reply YES" question after someone else asked for the person to get texts (held in quiet hours, never to an opted-out number).</summary>
    ConsentRequest,
}

/// <param name="To">Any common phone format; normalized to E.164 by the service.</param>
/// <param name="CorrelationId">The caller's id for idempotency (e.g. "booking-reminder:{bookingId}"): a second send with the same id returns the first result.</param>
public sealed record OutboundSms(Guid? ContactId, string To, string Text, SmsPurpose Purpose, string? CorrelationId = null);

/// <param name="Accepted">Handed to the provider (or already sent for this correlation id).</param>
/// <param name="RefusedReason">Stable word when refused: noConsent, optedOut, invalidNumber, providerError, ...</param>
public sealed record SmsSendResult(bool Accepted, Guid? MessageId, string? ProviderMessageId, string? RefusedReason);

/// <param name="Status">queued, sent, delivered or failed (a refused text is failed, with the reason as its error).</param>
public sealed record SmsDeliveryState(string Status, string? Error);

/// <summary>
/// The one way the app sends a text (replies, campaigns, booking notifications). Implemented in
/// Features/Messaging with the provider chosen by Sms:Provider (Sandbox or RingCentral).
/// </summary>
public interface ISmsService
{
    Task<SmsSendResult> SendAsync(OutboundSms sms, CancellationToken ct);

    /// <summary>
    /// The earliest instant at or after <paramref name="notBeforeUtc"/> when a text of this purpose may
    /// reach <paramref name="to"/>, given the recipient's local quiet hours (federal 8:00–21:00, stricter
    /// state windows). Callers shift scheduled texts to it rather than dropping them.
    /// </summary>
    /// <summary>Where each of these texts (message ids from <see cref="SmsSendResult.MessageId"/>) stands; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, SmsDeliveryState>> GetDeliveryAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken ct);

    Task<DateTime> EarliestAllowedSendTimeAsync(string to, SmsPurpose purpose, DateTime notBeforeUtc, CancellationToken ct);
}
