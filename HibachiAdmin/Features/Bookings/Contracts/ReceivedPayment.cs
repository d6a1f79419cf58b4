namespace HibachiAdmin.Features.Bookings.Contracts;

/// <param name="PaymentId">Stable per payment (Stripe's payment intent id): recording it again does nothing.</param>
/// <param name="Installment"><c>deposit</c> or <c>balance</c>.</param>
public sealed record ReceivedPayment(string PaymentId, string Installment, decimal Amount, string? CheckoutSessionId);
