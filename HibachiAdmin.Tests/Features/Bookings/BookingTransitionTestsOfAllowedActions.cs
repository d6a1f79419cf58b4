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

    private static readonly DateOnly Party = new(2026, 12, 12);

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
        Assert.Equal(expected, Booking.Allowed(status, (decimal)balanceDue, Party, Party));

    [Theory]
    [InlineData(-9, false)] // the owner's report: "Mark party done" offered nine days early
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(3, true)]
    public void A_confirmed_party_is_completed_from_its_day_on(int daysFromParty, bool offered)
    {
        var today = Party.AddDays(daysFromParty);
        Assert.Equal(offered, Booking.Allowed(BookingStatus.Confirmed, 0, Party, today).HasFlag(BookingAction.Complete));
        Assert.Equal(BookingAction.Reschedule | BookingAction.Cancel | (offered ? BookingAction.Complete : BookingAction.None),
            Booking.Allowed(BookingStatus.Confirmed, 0, Party, today));
        // Requested parties are never completed, whatever the day.
        Assert.False(Booking.Allowed(BookingStatus.Requested, 0, Party, today).HasFlag(BookingAction.Complete));
    }
}
