namespace HibachiAdmin.Infrastructure.Providers.Meta;

/// <param name="RecipientId">PSID (Messenger) or IGSID (Instagram).</param>
/// <param name="Tag">HUMAN_AGENT outside the 24-hour window (a person's reply within 7 days), else null (RESPONSE).</param>
/// <param name="Metadata">Echoed back by Meta on the echo webhook: lets the echo find the message it confirms.</param>
public sealed record MetaSendRequest(string RecipientId, string Text, string? Tag, string? Metadata);

/// <param name="Error">The provider's words when refused (shown to staff as is).</param>
/// <param name="OutsideWindow">Meta said the message is outside the allowed window (error code 10).</param>
public sealed record MetaSendResult(bool Accepted, string? MessageId, string? Error, int? ErrorCode = null, bool OutsideWindow = false);

/// <summary>A way to send a Messenger/Instagram message: the Graph Send API, or the sandbox that records it.</summary>
public interface IMetaSendProvider
{
    string Name { get; }

    /// <summary>True when the provider only pretends: receipts are simulated by the app.</summary>
    bool IsSandbox { get; }

    Task<MetaSendResult> SendAsync(MetaSendRequest request, CancellationToken ct);

    /// <summary>The person's display name (User Profile API), or null when unknown or not allowed.</summary>
    Task<string?> GetNameAsync(string userId, CancellationToken ct);
}
