namespace HibachiAdmin.Features.Payments;

/// <param name="AttemptId">Our id of this pay click: Stripe's idempotency key and a metadata field.</param>
/// <param name="PageUrl">The customer's page (absolute): where the checkout returns to.</param>
public sealed record CheckoutRequest(Guid AttemptId, Guid BookingId, string Installment, decimal Amount, string Description, string PageUrl);
