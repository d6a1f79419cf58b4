namespace HibachiAdmin.Features.Bookings;

/// <summary>Money that reached the business, once per payment (Stripe's payment intent id).</summary>
public sealed record PaymentReceived(string PaymentId, string Installment, decimal Amount, string? CheckoutSessionId);
