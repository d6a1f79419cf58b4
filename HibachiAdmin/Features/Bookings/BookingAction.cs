namespace HibachiAdmin.Features.Bookings;

/// <summary>What staff can do to a booking; the page offers exactly <see cref="Booking.Allowed"/>.</summary>
[Flags]
public enum BookingAction
{
    None = 0,
    Deposit = 1,
    Confirm = 2,
    Reschedule = 4,
    Complete = 8,
    Cancel = 16,
}
