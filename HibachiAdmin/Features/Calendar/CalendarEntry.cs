using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Calendar;

/// <summary>A party on the calendar: the booking, who it is for, its colour, and the chefs assigned to it.</summary>
public sealed record CalendarEntry(CalendarParty Party, string CustomerName, PartyState State)
{
    public Guid Id => Party.Id;

    /// <summary>The chefs assigned to the party (none until someone assigns one).</summary>
    public IReadOnlyList<AssignedChef> Chefs { get; init; } = [];

    /// <summary>A cancelled party takes no chef; every other one takes its assigned chefs, and one before any is assigned.</summary>
    public int ChefsTaken => State == PartyState.Cancelled ? 0 : Math.Max(1, Chefs.Count);

    /// <summary>Staff can move a party that is neither done nor cancelled (the booking's own rule).</summary>
    public bool Movable => Party.Status is BookingStatus.Requested or BookingStatus.Confirmed;
}
