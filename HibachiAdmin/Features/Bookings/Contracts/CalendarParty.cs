namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>
/// A party as a calendar shows it: the day and start time in the business's time zone (as booked), its state and what
/// an event in a calendar feed carries. <c>Version</c> is the booking's event count: it grows with every change (a move
/// checks it; a feed's SEQUENCE is made from it).
/// </summary>
public sealed record CalendarParty(
    Guid Id, Guid ContactId, BookingStatus Status, bool PaidInFull, DateOnly EventDate, TimeOnly? EventTime, int GuestCount,
    string? Address, string? Zip, string? Package, string? Notes, int Version, DateTime CreatedAt, DateTime UpdatedAt);
