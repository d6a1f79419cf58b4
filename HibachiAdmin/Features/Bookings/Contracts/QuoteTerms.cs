namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>What a sent quote means for the booking: its total, the deposit asked, and when the balance is due (dollars).</summary>
public sealed record QuoteTerms(Guid QuoteId, int QuoteVersion, decimal Total, decimal Deposit, DateOnly? BalanceDueDate);
