namespace HibachiAdmin.Features.Alerts;

public enum AlertDeliveryStatus
{
    /// <summary>Claimed with its alerts, being sent now.</summary>
    Sending = 1,
    Sent = 2,
    /// <summary>Nothing to send it to (no browser subscribed, no email address).</summary>
    Skipped = 3,
    Failed = 4,
    /// <summary>The process stopped while sending: not sent again (a repeated alert costs more than a missing one).</summary>
    InDoubt = 5,
}
