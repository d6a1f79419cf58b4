using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Messaging;

namespace HibachiAdmin.Features.Campaigns.Contracts;

public sealed record CampaignSummary(Guid Id, string Name, string Message, CampaignStatus Status, Audience Audience, DateTime CreatedAt, DateTime? SendAt, DateTime? EndAt,
    DateTime? StartedAt, DateTime? CompletedAt, CampaignCounts Counts, int Bookings, decimal Revenue, decimal Collected = 0);
