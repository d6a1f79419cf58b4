namespace HibachiAdmin.Features.Calendar;

/// <summary>A day's chefs booked against <c>Bookings:ChefsPerDay</c>.</summary>
public enum DayLoad
{
    Free,
    Some,
    Full,
    [System.ComponentModel.Description("Over capacity")]
    Over,
}
