namespace HibachiAdmin.Features.Bookings;

public sealed record BookingRescheduled(DateOnly EventDate, TimeOnly? EventTime);
