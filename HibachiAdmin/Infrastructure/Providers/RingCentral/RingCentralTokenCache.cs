namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>The one access token of the process, shared by every RingCentral call (auth calls are rate-limited to 5/min).</summary>
public sealed class RingCentralTokenCache
{
    public SemaphoreSlim Lock { get; } = new(1, 1);
    public (string Token, DateTime RefreshAfter)? Token { get; set; }
    /// <summary>Token requests made so far (diagnostics, tests).</summary>
    public int Requests { get; set; }
}
