using System.ComponentModel;

namespace HibachiAdmin.Features.Bookings;

public enum ScheduledKind
{
    Reminder,
    ReviewRequest,
    /// <summary>"Your party has moved to …": staff chose to tell the customer about a reschedule.</summary>
    [Description("Move notice")]
    RescheduleNotice,
}
