namespace HibachiAdmin.Features.Bookings;

public sealed record CommandResult(BookingRow? Booking, string? Invalid = null, string? Conflict = null, bool NotFound = false, string? Field = null, string? Forbidden = null);
