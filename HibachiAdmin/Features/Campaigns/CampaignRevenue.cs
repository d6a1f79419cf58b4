namespace HibachiAdmin.Features.Campaigns;

/// <summary>The campaigns feature's public service: create, preview, send (materialise recipients), cancel, progress.</summary>
public sealed record CampaignRevenue(int Bookings, decimal Revenue);
