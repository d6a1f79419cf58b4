namespace HibachiAdmin.Features.Messaging.Contracts;

/// <param name="Status">queued, sent, delivered or failed (a refused text is failed, with the reason as its error).</param>
public sealed record SmsDeliveryState(string Status, string? Error);
