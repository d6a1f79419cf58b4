namespace HibachiAdmin.Features.Bookings;

public sealed record BookingCompleted;
