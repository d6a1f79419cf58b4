namespace HibachiAdmin.Features.Campaigns;

public sealed record NewCampaign(string Name, string Message, Audience Audience, DateTime? EndAt);
