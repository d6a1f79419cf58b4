namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>A lead's booking as the lead pages show it.</summary>
public sealed record LeadBooking(Guid Id, LeadBookingStatus Status, DateOnly EventDate, TimeOnly? EventTime, int GuestCount, decimal Total);
