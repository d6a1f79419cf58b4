namespace HibachiAdmin.Features.Bookings;

/// <summary>The party is over: how many guests actually ate, and the chef's notes (who reported it is the event's user).</summary>
public sealed record PartyDone(int ActualGuests, string? Notes, Guid? ChefId);
