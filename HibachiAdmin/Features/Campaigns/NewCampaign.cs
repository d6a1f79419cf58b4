namespace HibachiAdmin.Features.Campaigns;

/// <param name="LinkBase">Where its tracked links live (<see cref="CampaignLinks.Base"/>); null sends links as written.</param>
public sealed record NewCampaign(string Name, string Message, Audience Audience, DateTime? EndAt, string? LinkBase = null);
