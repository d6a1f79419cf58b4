namespace HibachiAdmin.Infrastructure.Providers.Meta;

/// <summary>
/// The default: nothing leaves the machine. Every send is recorded (<see cref="Sent"/>) and accepted
/// with a made-up message id; the inbox then simulates delivery and read receipts.
/// </summary>
public sealed class SandboxMetaProvider : IMetaSendProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<MetaSendRequest> _sent = new();

    public string Name => "sandbox";

    public bool IsSandbox => true;

    public IReadOnlyCollection<MetaSendRequest> Sent => _sent;

    public Task<string?> GetNameAsync(string userId, CancellationToken ct) => Task.FromResult<string?>(null);

    public Task<MetaSendResult> SendAsync(MetaSendRequest request, CancellationToken ct)
    {
        _sent.Enqueue(request);
        return Task.FromResult(new MetaSendResult(true, $"m_sandbox_{Guid.NewGuid():N}", null));
    }
}
