namespace HibachiAdmin.Features.Bookings;

public enum BookingStatus
{
    Requested,
    Confirmed,
    Completed,
    Cancelled,
}
