namespace HibachiAdmin.Features.Campaigns;

public enum DeliveryStatus
{
    Pending,
    Held,
    Sending,
    Sent,
    Delivered,
    Failed,
    Skipped,
    Cancelled,
}
