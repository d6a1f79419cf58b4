namespace HibachiAdmin.Features.Payments;

/// <summary>
/// What Stripe told us about one payment (keyed on its payment intent), merged from its events in whatever order
/// they came: the checkout (booking, installment, amount), async success or failure, the refunded total, a dispute.
/// </summary>
public sealed class Payment
{
    public const int MaxStripeId = 100;

    public Guid Id { get; set; }
    public string PaymentIntentId { get; set; } = "";
    public string? CheckoutSessionId { get; set; }
    public Guid? BookingId { get; set; }
    public string? Installment { get; set; }
    public decimal Amount { get; set; }
    public PaymentStatus Status { get; set; } = PaymentStatus.Pending;
    /// <summary>Refunded so far (Stripe's cumulative amount_refunded).</summary>
    public decimal Refunded { get; set; }
    public bool Disputed { get; set; }
    public string? DisputeReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PaidAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
