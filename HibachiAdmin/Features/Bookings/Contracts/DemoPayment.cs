namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>One payment a demo booking received (its <c>PaymentReceived</c> event), and what was refunded on it (dollars).</summary>
public sealed record DemoPayment(Guid BookingId, string PaymentId, string CheckoutSessionId, string Installment, decimal Amount, DateTime PaidAt, decimal Refunded = 0, DateTime? RefundedAt = null);
