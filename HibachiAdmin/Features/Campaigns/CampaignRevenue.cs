namespace HibachiAdmin.Features.Campaigns;

/// <summary>The campaigns feature's public service: create, preview, send (materialise recipients), cancel, progress.</summary>
/// <param name="Collected">What those bookings actually collected, net of refunds.</param>
public sealed record CampaignRevenue(int Bookings, decimal Revenue, decimal Collected = 0);
