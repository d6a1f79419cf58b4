namespace HibachiAdmin.Features.Messaging.Contracts;

/// <param name="Accepted">Handed to the provider (or already sent for this correlation id).</param>
/// <param name="RefusedReason">Stable word when refused: noConsent, optedOut, invalidNumber, providerError, ...</param>
public sealed record SmsSendResult(bool Accepted, Guid? MessageId, string? ProviderMessageId, string? RefusedReason);
