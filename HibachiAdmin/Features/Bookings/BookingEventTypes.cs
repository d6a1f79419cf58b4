namespace HibachiAdmin.Features.Bookings;

/// <summary>Versioned event names: a payload change gets a new name and the old one keeps loading.</summary>
public static class BookingEventTypes
{
    public const string StreamType = "booking";
    public const string Requested = "booking.requested.v1";
    public const string Deposit = "booking.deposit-recorded.v1";
    public const string Confirmed = "booking.confirmed.v1";
    public const string Rescheduled = "booking.rescheduled.v1";
    public const string Completed = "booking.completed.v1";
    public const string Cancelled = "booking.cancelled.v1";
    public const string QuoteSent = "booking.quote-sent.v1";
    public const string QuoteAccepted = "booking.quote-accepted.v1";
    public const string PaymentReceived = "booking.payment-received.v1";
    public const string PaymentRefunded = "booking.payment-refunded.v1";
    public const string PaymentDisputed = "booking.payment-disputed.v1";
    public const string ChefAssigned = "booking.chef-assigned.v1";
    public const string ChefUnassigned = "booking.chef-unassigned.v1";
}
