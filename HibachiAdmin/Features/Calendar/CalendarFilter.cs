namespace HibachiAdmin.Features.Calendar;

/// <summary>Which parties the calendar shows: these states, and (when set) only parties with one of these chefs.</summary>
public sealed record CalendarFilter(IReadOnlySet<PartyState> States, IReadOnlySet<Guid>? Chefs = null)
{
    public static readonly CalendarFilter Default = new(PartyStates.Default);
}
