using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>One audience member as the rules see them.</summary>
/// <param name="PartyStates">States of their upcoming parties (Bookings): where they will be, so those states' rules apply too.</param>
public sealed record CampaignRecipient(Guid ContactId, string Name, string? Phone, SmsConsent Consent, string? State, string? TimeZones, bool NumberInvalid = false,
    IReadOnlyList<string>? PartyStates = null);
