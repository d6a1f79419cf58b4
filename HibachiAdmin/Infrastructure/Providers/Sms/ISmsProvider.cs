namespace HibachiAdmin.Infrastructure.Providers.Sms;

public sealed record ProviderSendResult(bool Accepted, string? ProviderMessageId, string? Error);

/// <summary>A way to hand a text to a carrier-facing service (Sandbox, RingCentral).</summary>
public interface ISmsProvider
{
    string Name { get; }
    Task<ProviderSendResult> SendAsync(Guid messageId, string to, string text, CancellationToken ct);
}
