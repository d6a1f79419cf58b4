namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>What a move did: the party as it is now, or why not (a 400-style reason naming the field, a 409-style conflict, or gone).</summary>
public sealed record MoveOutcome(CalendarParty? Party, string? Invalid = null, string? Conflict = null, bool NotFound = false, string? Field = null)
{
    public bool Ok => Party is not null;
}
