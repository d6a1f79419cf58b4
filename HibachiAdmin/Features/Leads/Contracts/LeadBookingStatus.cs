namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>A booking's status as the lead pages show it (the same words as Bookings' own status).</summary>
public enum LeadBookingStatus
{
    Requested,
    Confirmed,
    Completed,
    Cancelled,
}
