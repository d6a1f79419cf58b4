using HibachiAdmin.Common;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

public sealed record NewCampaign(string Name, string Message, Audience Audience, DateTime? EndAt);
