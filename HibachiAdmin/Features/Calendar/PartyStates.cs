using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Calendar;

/// <summary>One colour per state, with a CSS class whose text meets WCAG AA on its background (app.css, <c>.cal-state-*</c>).</summary>
public static class PartyStates
{
    /// <summary>The states shown unless staff choose otherwise: cancelled parties stay out of the way.</summary>
    public static readonly IReadOnlySet<PartyState> Default = new HashSet<PartyState> { PartyState.Requested, PartyState.Confirmed, PartyState.PaidInFull, PartyState.Done };

    public static PartyState Of(CalendarParty party) => party.Status switch
    {
        BookingStatus.Cancelled => PartyState.Cancelled,
        BookingStatus.Completed => PartyState.Done,
        _ when party.PaidInFull => PartyState.PaidInFull,
        BookingStatus.Confirmed => PartyState.Confirmed,
        _ => PartyState.Requested,
    };

    public static string CssClass(this PartyState state) => "cal-state-" + state switch
    {
        PartyState.PaidInFull => "paid",
        PartyState.Done => "done",
        PartyState.Cancelled => "cancelled",
        PartyState.Confirmed => "confirmed",
        _ => "requested",
    };
}
