namespace HibachiAdmin.Features.Calendar;

/// <summary>What staff confirmed in the move dialog: the new day and start, and whether the customer is told.</summary>
public sealed record MoveChoice(DateOnly Date, TimeOnly? Time, bool TellCustomer);
