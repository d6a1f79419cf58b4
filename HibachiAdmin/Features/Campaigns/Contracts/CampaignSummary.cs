using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns.Contracts;

public sealed record CampaignSummary(Guid Id, string Name, string Message, CampaignStatus Status, Audience Audience, DateTime CreatedAt, DateTime? SendAt, DateTime? EndAt,
    DateTime? StartedAt, DateTime? CompletedAt, CampaignCounts Counts, int Bookings, decimal Revenue);
