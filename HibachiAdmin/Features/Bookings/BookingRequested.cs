namespace HibachiAdmin.Features.Bookings;

public sealed record BookingRequested(Guid ContactId, Guid? LeadId, DateOnly EventDate, TimeOnly? EventTime, int GuestCount, decimal PricePerPerson,
    string? Address, string? Zip, string? Package, string? Notes);
