namespace HibachiAdmin.Infrastructure.Providers.Sms;

/// <summary>
/// One number of the provider account as its phone-number list gives it (RingCentral:
/// <c>GET /restapi/v1.0/account/~/extension/~/phone-number</c>, PROTOCOLS.md 1.8): what it may do, in the provider's words
/// (<c>SmsSender</c>, <c>A2PSmsSender</c>, <c>CallerId</c>, …).
/// </summary>
public sealed record ProviderPhoneNumber(string Number, string? ExternalId, string? UsageType, IReadOnlyList<string> Features);
