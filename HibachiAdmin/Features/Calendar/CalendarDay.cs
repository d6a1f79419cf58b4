namespace HibachiAdmin.Features.Calendar;

/// <summary>
/// One business day: the parties shown (after the filters) and the chefs booked that day (every party not cancelled,
/// whatever the filters hide: a hidden party still takes its chef).
/// </summary>
public sealed record CalendarDay(DateOnly Date, IReadOnlyList<CalendarEntry> Parties, int ChefsBooked, int ChefsPerDay)
{
    public DayLoad Load => ChefsBooked > ChefsPerDay ? DayLoad.Over : ChefsBooked == ChefsPerDay ? DayLoad.Full : ChefsBooked == 0 ? DayLoad.Free : DayLoad.Some;
}
