namespace HibachiAdmin.Features.Alerts;

/// <summary>Sends one Web Push message to one browser subscription (the sandbox records it; <see cref="WebPushClient"/> sends it).</summary>
public interface IPushClient
{
    Task<(PushOutcome Outcome, string? Error)> SendAsync(WebPushSubscription subscription, PushNotice notice, CancellationToken ct);
}
