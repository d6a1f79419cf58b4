namespace HibachiAdmin.Features.Bookings;

/// <summary>A quote (one version) went to the customer: from now on its total is what the party costs.</summary>
public sealed record QuoteSent(Guid QuoteId, int QuoteVersion, decimal Total, decimal Deposit, DateOnly? BalanceDueDate);
