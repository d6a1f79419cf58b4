namespace HibachiAdmin.Features.Campaigns;

public enum CampaignStatus
{
    Draft,
    Scheduled,
    Sending,
    Paused,
    Completed,
    Cancelled,
}
