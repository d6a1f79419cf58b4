namespace HibachiAdmin.Infrastructure.Telemetry;

/// <summary>Requests waiting on one provider limit right now (Admin > Integrations shows them).</summary>
/// <param name="Group">The provider's usage-plan group (RingCentral: light, medium, heavy, auth).</param>
/// <param name="Lane">Our kind of request within the group (sms, a2p, status, other, heavy, auth).</param>
/// <param name="RetryAfter">True: the provider answered 429 and asked us to wait; false: our own budget for the lane is spent.</param>
/// <param name="Until">When the wait ends (the provider's Retry-After); null: when the lane's budget frees its next permit.</param>
/// <param name="Waiting">How many requests wait.</param>
/// <param name="Since">When the oldest of them started waiting.</param>
public sealed record ProviderLimitWait(string Group, string Lane, bool RetryAfter, DateTimeOffset? Until, int Waiting, DateTimeOffset Since);
