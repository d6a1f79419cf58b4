using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Payments;

/// <summary>Puts <see cref="BookingMoneyPanel"/> (quotes, links, payments, refunds) on the booking page.</summary>
public sealed class BookingMoneyPanelRegistration : IBookingPagePanel
{
    public Type Component => typeof(BookingMoneyPanel);
    public int Order => 10;
}
