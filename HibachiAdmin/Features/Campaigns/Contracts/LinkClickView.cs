namespace HibachiAdmin.Features.Campaigns.Contracts;

/// <summary>One click of a person on a campaign's tracked link, as the customer view lists it.</summary>
public sealed record LinkClickView(Guid CampaignId, string CampaignName, string Destination, DateTime At, Guid? LeadId);
