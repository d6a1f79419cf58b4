namespace HibachiAdmin.Features.Bookings;

public enum ScheduledKind
{
    Reminder,
    ReviewRequest,
}
