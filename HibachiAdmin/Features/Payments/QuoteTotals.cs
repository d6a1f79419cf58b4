namespace HibachiAdmin.Features.Payments;

/// <summary>A quote's lines and totals, exact to the cent.</summary>
public sealed record QuoteTotals(
    IReadOnlyList<QuoteLine> Lines, decimal Subtotal, decimal Travel, decimal Gratuity, decimal Tax, decimal Total, decimal Deposit, decimal Balance, DateOnly BalanceDueDate);
