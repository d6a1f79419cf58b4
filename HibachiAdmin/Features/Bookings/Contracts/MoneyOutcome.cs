namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>What a money command did: appended events (maybe none: a repeat), or why not.</summary>
public sealed record MoneyOutcome(bool NotFound = false, string? Invalid = null, string? Conflict = null, string? Field = null, int Appended = 0)
{
    public bool Ok => !NotFound && Invalid is null && Conflict is null;
}
