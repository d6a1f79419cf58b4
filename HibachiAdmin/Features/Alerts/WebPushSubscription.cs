namespace HibachiAdmin.Features.Alerts;

/// <summary>A browser's push subscription for one signed-in person; removed when the push service says it is gone (404/410).</summary>
public sealed class WebPushSubscription
{
    public const int MaxEndpoint = 1000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public string Endpoint { get; set; } = "";
    public string P256dh { get; set; } = "";
    public string Auth { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
