namespace HibachiAdmin.Infrastructure.Providers;

/// <summary>
/// One provider's OAuth access token, shared by every instance of its typed client (those are transient): the cached
/// token until its refresh time, then one fetch at a time (callers that waited get the token it fetched).
/// Each provider registers its own subclass as a singleton.
/// </summary>
public abstract class AccessTokenCache
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private (string Token, DateTime RefreshAfter)? _token;

    /// <summary>Token requests made so far (diagnostics, tests).</summary>
    public int Requests { get; private set; }

    /// <summary>The cached token while <c>now</c> is before its refresh time; otherwise <paramref name="fetch"/>'s (token, refresh after).</summary>
    public async Task<string> GetAsync(TimeProvider time, Func<CancellationToken, Task<(string Token, DateTime RefreshAfter)>> fetch, CancellationToken ct)
    {
        if (_token is { } cached && cached.RefreshAfter > time.GetUtcNow().UtcDateTime)
        {
            return cached.Token;
        }
        await _lock.WaitAsync(ct);
        try
        {
            if (_token is { } again && again.RefreshAfter > time.GetUtcNow().UtcDateTime)
            {
                return again.Token;
            }
            var fetched = await fetch(ct);
            _token = fetched;
            return fetched.Token;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Drops the cached token (the provider revoked it early): the next call fetches a new one.</summary>
    public void Forget() => _token = null;

    /// <summary>Counts a request to the provider's token endpoint (called by the fetch, once it is about to send).</summary>
    public void CountRequest() => Requests++;
}
