namespace HibachiAdmin.Features.Bookings.Sheet;

/// <summary>One line of the sheet's timeline: the plan (arrive, start, serve, end) and what happened (on the way, arrived, done).</summary>
public sealed record SheetTimelineItem(string What, DateTime AtUtc, bool Happened);
