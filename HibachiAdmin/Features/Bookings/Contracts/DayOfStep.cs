using System.ComponentModel;

namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>Where the party stands on its day, from the chef's sheet.</summary>
public enum DayOfStep
{
    [Description("Not started")]
    NotStarted,
    [Description("On the way")]
    OnTheWay,
    Arrived,
    [Description("Party done")]
    Done,
}
