namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>The bookings as a calendar needs them (the calendar page, the calendar feeds); implemented by <c>BookingService</c>.</summary>
public interface IBookingCalendar
{
    /// <summary>Every party from <paramref name="from"/> to <paramref name="to"/> (inclusive, business days), any state, by day then time.</summary>
    Task<IReadOnlyList<CalendarParty>> PartiesAsync(DateOnly from, DateOnly to, CancellationToken ct);

    Task<CalendarParty?> PartyAsync(Guid id, CancellationToken ct);

    /// <summary>
    /// Moves a party to another day or time (the booking's <c>Rescheduled</c> event), against the version the caller showed:
    /// a booking changed since is refused, never moved twice. <paramref name="tellCustomer"/>: one text to the customer at
    /// the first moment the texting rules allow, through the SMS service.
    /// </summary>
    Task<MoveOutcome> MoveAsync(Guid id, int seenVersion, DateOnly date, TimeOnly? time, bool tellCustomer, HibachiAdmin.Common.Actor actor, CancellationToken ct);
}
