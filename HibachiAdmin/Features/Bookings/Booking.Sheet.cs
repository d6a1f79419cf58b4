using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Bookings;

/// <summary>The event sheet's facts: the details and the guaranteed guest count.</summary>
public sealed partial class Booking
{
    /// <summary>
    /// Replaces the sheet's details. Adults and children together, and the guests of each dietary need, cannot be more
    /// than the guaranteed count (the sheet would promise food for people who are not coming).
    /// </summary>
    public Decision SetDetails(PartyDetailsSet details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Status is BookingStatus.Cancelled or BookingStatus.Completed)
        {
            return Decision.StateConflict($"A {Status.ToString().ToLowerInvariant()} booking's sheet is closed.");
        }
        if ((details.Adults ?? 0) + (details.Children ?? 0) > GuestCount)
        {
            return Decision.Reject($"Adults and children add up to more than the {GuestCount} guaranteed guests.", details.Children is > 0 ? "children" : "adults");
        }
        for (var i = 0; i < details.Dietary.Count; i++)
        {
            if (details.Dietary[i].Guests is < 1 || details.Dietary[i].Guests > GuestCount)
            {
                return Decision.Reject($"Expected 1 to {GuestCount} guests (the guaranteed count).", $"dietary[{i}].guests");
            }
        }
        return Decision.Of(BookingEventTypes.DetailsSet, details);
    }

    /// <summary>
    /// The first instant (UTC) from which the guest count needs a Manager: the start of the day
    /// <paramref name="cutoffDays"/> days before the party, in the business's time zone.
    /// </summary>
    public static DateTime GuestCountCutoffUtc(DateOnly eventDate, int cutoffDays, TimeZoneInfo zone) =>
        PartyTimes.StartUtc(eventDate.AddDays(-cutoffDays), TimeOnly.MinValue, zone);

    /// <summary>
    /// Moves the guaranteed guest count. From the cutoff (<see cref="GuestCountCutoffUtc"/>) only a Manager may
    /// (<paramref name="isManager"/>); before it anyone on staff. The same count again changes nothing.
    /// </summary>
    public Decision ChangeGuestCount(int to, string? reason, DateTime nowUtc, int cutoffDays, TimeZoneInfo zone, bool isManager)
    {
        if (Status is BookingStatus.Cancelled or BookingStatus.Completed)
        {
            return Decision.StateConflict($"A {Status.ToString().ToLowerInvariant()} booking's guest count is final.");
        }
        if (to is < 1 or > MaxGuests)
        {
            return Decision.Reject($"Expected 1 to {MaxGuests} guests.", "guestCount");
        }
        if (to == GuestCount)
        {
            return new Decision([]);
        }
        var cutoff = GuestCountCutoffUtc(EventDate, cutoffDays, zone);
        var after = nowUtc >= cutoff;
        if (after && !isManager)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(cutoff, zone);
            return Decision.NotYours($"The guest count was locked on {Common.Formats.LongDate(DateOnly.FromDateTime(local))} ({cutoffDays} days before the party): a Manager can still change it.");
        }
        return Decision.Of(BookingEventTypes.GuestCountChanged, new GuestCountChanged(GuestCount, to, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), after));
    }
}
