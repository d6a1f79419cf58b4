namespace HibachiAdmin.Features.Inbox;

/// <summary>What a saved reply's merge fields are filled with for one conversation; null where it is not known.</summary>
/// <param name="EventDate">The person's next party (not cancelled), shown as "Saturday, June 6".</param>
/// <param name="DepositLink">A pay link for what their next party owes (Payments), made only when the reply asks for it.</param>
public sealed record MergeValues(string? FirstName, string? EventDate, string? DepositLink);
