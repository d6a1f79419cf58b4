namespace HibachiAdmin.Features.Payments;

/// <summary>
/// One click on "Pay": a checkout session for exactly what was due then (from our database, never the request).
/// Its id is the idempotency key sent to Stripe. The sandbox checkout page reads it.
/// </summary>
public sealed class CheckoutAttempt
{
    public Guid Id { get; set; }
    public Guid BookingId { get; set; }
    public Guid PayLinkId { get; set; }
    public string Installment { get; set; } = "";
    public decimal Amount { get; set; }
    public string SessionId { get; set; } = "";
    public string Provider { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>open, completed, declined or cancelled (the sandbox's outcome; Stripe's comes by webhook).</summary>
    public string State { get; set; } = "open";
}
