namespace HibachiAdmin.Features.Bookings;

/// <summary>One payment on a booking, projected from its payment events (rebuilt by replay).</summary>
public sealed class BookingPayment
{
    public const int MaxPaymentId = 100;

    public Guid BookingId { get; set; }
    public string PaymentId { get; set; } = "";
    public string Installment { get; set; } = "";
    public decimal Amount { get; set; }
    public decimal Refunded { get; set; }
    public bool Disputed { get; set; }
    public string? CheckoutSessionId { get; set; }
    public DateTime PaidAt { get; set; }

    /// <summary>paid, partiallyRefunded, refunded or disputed.</summary>
    public string Status => Disputed ? "disputed" : Refunded >= Amount ? "refunded" : Refunded > 0 ? "partiallyRefunded" : "paid";
}
