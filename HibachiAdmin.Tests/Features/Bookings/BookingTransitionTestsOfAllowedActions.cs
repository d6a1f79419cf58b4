using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Tests.Features.Bookings;

/// <summary>
/// <see cref="Booking.Allowed"/> decides which buttons the booking page and customer view offer: a deposit only
/// while money is due on a live booking, confirm only a request, complete only a confirmed booking, nothing once
/// it is completed or cancelled.
/// </summary>
public sealed class BookingTransitionTestsOfAllowedActions
{
    private const BookingAction Live = BookingAction.Reschedule | BookingAction.Cancel;

    [Theory]
    [InlineData(BookingStatus.Requested, 0.01, BookingAction.Deposit | BookingAction.Confirm | Live)]
    [InlineData(BookingStatus.Requested, 450, BookingAction.Deposit | BookingAction.Confirm | Live)]
    [InlineData(BookingStatus.Requested, 0, BookingAction.Confirm | Live)]
    [InlineData(BookingStatus.Requested, -25, BookingAction.Confirm | Live)]
    [InlineData(BookingStatus.Confirmed, 0.01, BookingAction.Deposit | BookingAction.Complete | Live)]
    [InlineData(BookingStatus.Confirmed, 450, BookingAction.Deposit | BookingAction.Complete | Live)]
    [InlineData(BookingStatus.Confirmed, 0, BookingAction.Complete | Live)]
    [InlineData(BookingStatus.Confirmed, -25, BookingAction.Complete | Live)]
    [InlineData(BookingStatus.Completed, 450, BookingAction.None)]
    [InlineData(BookingStatus.Completed, 0, BookingAction.None)]
    [InlineData(BookingStatus.Cancelled, 450, BookingAction.None)]
    [InlineData(BookingStatus.Cancelled, 0, BookingAction.None)]
    public void Each_state_offers_exactly_the_actions_its_commands_accept(BookingStatus status, double balanceDue, BookingAction expected) =>
        Assert.Equal(expected, Booking.Allowed(status, (decimal)balanceDue));
}
