namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// One push or one email to one person, carrying one or several alerts (a roll-up: "5 new alerts"). Written with the
/// alerts it claims in one transaction before anything leaves the process, so an alert is sent at most once.
/// </summary>
public sealed class AlertDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public AlertChannel Channel { get; set; }
    public int Count { get; set; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public AlertDeliveryStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? Error { get; set; }
}
