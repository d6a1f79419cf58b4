namespace HibachiAdmin.Infrastructure.Providers.Sms;

public sealed record ProviderSendResult(bool Accepted, string? ProviderMessageId, string? Error);
