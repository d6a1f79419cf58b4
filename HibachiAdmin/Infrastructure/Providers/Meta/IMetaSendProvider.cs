namespace HibachiAdmin.Infrastructure.Providers.Meta;

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
