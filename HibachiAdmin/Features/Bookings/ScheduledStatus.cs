namespace HibachiAdmin.Features.Bookings;

public enum ScheduledStatus
{
    Pending,
    Sent,
    Refused,
    Cancelled,
}
