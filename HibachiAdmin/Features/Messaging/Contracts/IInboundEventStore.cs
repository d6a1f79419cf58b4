namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// Stores a provider notification as an inbound event (unique on provider + id) before the webhook answers,
/// through the same group-commit writer as RingCentral's and Meta's, and queues its processing.
/// </summary>
public interface IInboundEventStore
{
    /// <returns>true when the notification was new, false for a redelivery; throws when it could not be stored.</returns>
    Task<bool> StoreAsync(string provider, string externalId, string channel, string payload, CancellationToken ct);
}
