namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>What the demo seed of Bookings hands to later seeds: the online payments its bookings recorded, for Payments' own rows.</summary>
public static class BookingsDemoData
{
    /// <summary>Key of the <see cref="DemoPayment"/> list in the seed context's items.</summary>
    public const string PaymentsKey = "booking-payments";
}
