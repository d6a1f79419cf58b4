namespace HibachiAdmin.Features.Bookings;

/// <summary>One line of a booking's history as a person reads it: what happened, then who and when.</summary>
public sealed record TimelineEntry(string What, string WhoAndWhen, string Icon);
