namespace HibachiAdmin.Features.Calendar;

/// <summary>A chef on a party, as the calendar shows and filters it.</summary>
public sealed record AssignedChef(Guid Id, string Name);
