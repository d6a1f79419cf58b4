using HibachiAdmin.Features.Bookings;

namespace HibachiAdmin.Features.Bookings.Contracts;

public enum BookingStatus
{
    Requested,
    Confirmed,
    Completed,
    Cancelled,
}
