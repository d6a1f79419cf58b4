namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// The one way the app sends a text (replies, campaigns, booking notifications). Implemented in
/// Features/Messaging with the provider chosen by Sms:Provider (Sandbox or RingCentral).
/// </summary>
public interface ISmsService
{
    Task<SmsSendResult> SendAsync(OutboundSms sms, CancellationToken ct);

    /// <summary>Where each of these texts (message ids from <see cref="SmsSendResult.MessageId"/>) stands; unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, SmsDeliveryState>> GetDeliveryAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken ct);

    /// <summary>
    /// The earliest instant at or after <paramref name="notBeforeUtc"/> when a text of this purpose may
    /// reach <paramref name="to"/>, given the texting-hours rules in force (federal, every state the person may be
    /// in: the contact's, the number's and <paramref name="alsoStates"/>, e.g. their party's; every zone of the
    /// number). Callers shift scheduled texts to it rather than dropping them.
    /// </summary>
    Task<DateTime> EarliestAllowedSendTimeAsync(string to, SmsPurpose purpose, DateTime notBeforeUtc, IReadOnlyCollection<string>? alsoStates, CancellationToken ct);
}
