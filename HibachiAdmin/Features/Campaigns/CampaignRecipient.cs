using System.Text.RegularExpressions;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>One audience member as the rules see them.</summary>
public sealed record CampaignRecipient(Guid ContactId, string Name, string? Phone, SmsConsent Consent, string? State, string? TimeZones, bool NumberInvalid = false);
