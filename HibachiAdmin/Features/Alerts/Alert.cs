namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// One person's alert about one event. Unique on (<see cref="UserId"/>, <see cref="SourceKey"/>): the event's own id
/// ("lead:{id}", "call:{id}", "review:{id}", "waiting:{thread}:{since}"), so a retried or duplicated event never makes
/// a second alert. Push and email are sent from these rows (rolled up per person), not from the event.
/// </summary>
public sealed class Alert
{
    public const int MaxTitle = 200;
    public const int MaxBody = 500;
    public const int MaxLink = 300;
    public const int MaxSourceKey = 120;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public AlertKind Kind { get; set; }
    public string SourceKey { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    /// <summary>Where the alert takes the person (a page of the app, relative).</summary>
    public string? Link { get; set; }
    /// <summary>When the event happened (a customer's message, a call), for the list.</summary>
    public DateTime OccurredAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool ShowInApp { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>The person wanted this kind by push when it arrived; null <see cref="PushDeliveryId"/> means not sent yet.</summary>
    public bool WantsPush { get; set; }
    public Guid? PushDeliveryId { get; set; }
    public bool WantsEmail { get; set; }
    public Guid? EmailDeliveryId { get; set; }
}
