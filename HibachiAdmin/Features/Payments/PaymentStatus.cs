namespace HibachiAdmin.Features.Payments;

public enum PaymentStatus
{
    /// <summary>Checkout completed with a payment method that settles later (bank debit).</summary>
    Pending,
    Paid,
    Failed,
}
