namespace HibachiAdmin.Infrastructure.Providers.Sms;

/// <summary>A way to hand a text to a carrier-facing service (Sandbox, RingCentral).</summary>
public interface ISmsProvider
{
    string Name { get; }
    Task<ProviderSendResult> SendAsync(Guid messageId, string to, string text, CancellationToken ct);

    /// <summary>
    /// Whether a text the app stored as queued but never heard back about (the process died around the
    /// provider call) reached the provider: its provider id when it did, null when it did not. Lets a
    /// recovery send it exactly once instead of guessing.
    /// </summary>
    Task<string?> FindSentAsync(Guid messageId, string to, string text, DateTime queuedAtUtc, CancellationToken ct);
}
