namespace HibachiAdmin.Features.Bookings;

public sealed record BookingRequested(Guid ContactId, Guid? LeadId, DateOnly EventDate, TimeOnly? EventTime, int GuestCount, decimal PricePerPerson,
    string? Address, string? Zip, string? Package, string? Notes);
public sealed record DepositRecorded(decimal Amount);
public sealed record BookingConfirmed;
public sealed record BookingRescheduled(DateOnly EventDate, TimeOnly? EventTime);
public sealed record BookingCompleted;
public sealed record BookingCancelled(string Reason, string? LeadOutcome);

/// <summary>Versioned event names: a payload change gets a new name and the old one keeps loading.</summary>
public static class BookingEventTypes
{
    public const string StreamType = "booking";
    public const string Requested = "booking.requested.v1";
    public const string Deposit = "booking.deposit-recorded.v1";
    public const string Confirmed = "booking.confirmed.v1";
    public const string Rescheduled = "booking.rescheduled.v1";
    public const string Completed = "booking.completed.v1";
    public const string Cancelled = "booking.cancelled.v1";
}

public enum BookingStatus
{
    Requested,
    Confirmed,
    Completed,
    Cancelled,
}
