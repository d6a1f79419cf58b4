using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

public sealed record CampaignReply(Guid ContactId, string? Phone, DateTime At, string Text);
