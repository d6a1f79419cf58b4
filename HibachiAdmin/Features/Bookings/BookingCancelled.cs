namespace HibachiAdmin.Features.Bookings;

public sealed record BookingCancelled(string Reason, string? LeadOutcome);
