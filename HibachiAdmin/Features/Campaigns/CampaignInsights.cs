namespace HibachiAdmin.Features.Campaigns;

/// <summary>What happened after the texts went out: activity over time, replies and opt-outs from recipients.</summary>
/// <param name="BucketMinutes">Width of each activity bucket.</param>
public sealed record CampaignInsights(IReadOnlyList<ActivityPoint> Activity, int BucketMinutes, int Replies, int RepliedContacts, int OptOuts,
    IReadOnlyList<CampaignReply> LatestReplies);
