using System.Collections.Concurrent;

namespace HibachiAdmin.Features.Alerts;

/// <summary>The default push client: records what would have been pushed (and logs it) instead of calling a push service.</summary>
public sealed class SandboxPushClient(ILogger<SandboxPushClient> logger) : IPushClient
{
    public sealed record Pushed(string Endpoint, PushNotice Notice);

    private readonly ConcurrentQueue<Pushed> _sent = new();

    public IReadOnlyList<Pushed> Sent => [.. _sent];

    public Task<(PushOutcome Outcome, string? Error)> SendAsync(WebPushSubscription subscription, PushNotice notice, CancellationToken ct)
    {
        _sent.Enqueue(new Pushed(subscription.Endpoint, notice));
        logger.LogInformation("Sandbox push to {User}: {Title}", subscription.UserId, notice.Title);
        return Task.FromResult<(PushOutcome, string?)>((PushOutcome.Sent, null));
    }
}
