namespace HibachiAdmin.Features.Payments;

/// <summary>A balance reminder that went out (unique per booking, kind and due date), so each is sent once.</summary>
public sealed class PaymentReminder
{
    public Guid BookingId { get; set; }
    /// <summary><c>due</c> (before the balance date) or <c>late</c> (after it).</summary>
    public string Kind { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public DateTime SentAt { get; set; }
}
