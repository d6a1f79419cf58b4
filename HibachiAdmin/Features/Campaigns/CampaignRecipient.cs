using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>One audience member as the rules see them.</summary>
public sealed record CampaignRecipient(Guid ContactId, string Name, string? Phone, SmsConsent Consent, string? State, string? TimeZones, bool NumberInvalid = false);
