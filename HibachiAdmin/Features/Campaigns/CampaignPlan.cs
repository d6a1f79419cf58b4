using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Messaging;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Features.Campaigns;

public sealed record CampaignPlan(CampaignEstimate Estimate, IReadOnlyList<RecipientDecision> Decisions);
