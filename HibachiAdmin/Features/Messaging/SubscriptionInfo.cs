namespace HibachiAdmin.Features.Messaging;

public sealed record SubscriptionInfo(string ExternalId, string Address, string Status, DateTime? ExpiresAt);
