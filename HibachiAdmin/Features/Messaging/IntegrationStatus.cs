namespace HibachiAdmin.Features.Messaging;

public sealed record IntegrationStatus(string SmsProvider, bool RingCentralConfigured, bool VerificationTokenSet, string? FromNumber, string? TokenCheck, SubscriptionInfo? Subscription);
