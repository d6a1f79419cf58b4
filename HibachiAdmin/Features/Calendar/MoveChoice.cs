namespace HibachiAdmin.Features.Calendar;

/// <summary>
/// What staff confirmed in the move dialog: the new day and start, and whether (and how) the customer is told:
/// a text (the saga's, inside texting hours) or a DM in their open Instagram/Messenger conversation (<paramref name="DirectThreadId"/>).
/// </summary>
public sealed record MoveChoice(DateOnly Date, TimeOnly? Time, bool TellCustomer, Guid? DirectThreadId = null)
{
    public bool ByText => TellCustomer && DirectThreadId is null;
}
