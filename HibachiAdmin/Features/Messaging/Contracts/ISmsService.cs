namespace HibachiAdmin.Features.Messaging.Contracts;

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
