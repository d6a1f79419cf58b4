using System.ComponentModel;

namespace HibachiAdmin.Features.Bookings;

public enum ScheduledStatus
{
    [Description("Scheduled")]
    Pending,
    Sent,
    [Description("Not sent")]
    Refused,
    [Description("Withdrawn")]
    Cancelled,
}
