namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>The one access token of the process, shared by every RingCentral call (auth calls are rate-limited to 5/min).</summary>
public sealed class RingCentralTokenCache : AccessTokenCache;
