namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>
/// A section another feature adds to the booking page (Payments: quotes, pay links, refunds) without Bookings
/// depending on it. The component takes <c>BookingId</c> (Guid), <c>BookingVersion</c> (int) and
/// <c>Changed</c> (EventCallback, reloads the page).
/// </summary>
public interface IBookingPagePanel
{
    Type Component { get; }
    int Order { get; }
}
