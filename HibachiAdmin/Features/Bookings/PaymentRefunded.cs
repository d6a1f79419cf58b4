namespace HibachiAdmin.Features.Bookings;

/// <summary>Money given back on one payment: <see cref="Amount"/> more, <see cref="RefundedTotal"/> on it in all.</summary>
public sealed record PaymentRefunded(string PaymentId, decimal Amount, decimal RefundedTotal);
