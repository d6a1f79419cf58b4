using HibachiAdmin.Common;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>The campaigns feature's public service: create, preview, send (materialise recipients), cancel, progress.</summary>
public sealed record CampaignRevenue(int Bookings, decimal Revenue);
