namespace HibachiAdmin.Features.Campaigns;

public sealed record CampaignPlan(CampaignEstimate Estimate, IReadOnlyList<RecipientDecision> Decisions);
