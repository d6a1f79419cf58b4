namespace HibachiAdmin.Features.Campaigns;

public sealed record CampaignCounts(int Recipients, int Pending, int Held, int Sending, int Sent, int Delivered, int Failed, int Skipped, int Cancelled, decimal Cost);
