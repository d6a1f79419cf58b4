namespace HibachiAdmin.Features.Messaging;

/// <summary>Keeps the RingCentral webhook subscription alive (renews before it expires).</summary>
public sealed class RenewSubscriptionsJob(RingCentralIntegration integration)
{
    public const string Id = "ringcentral-subscription-renewal";

    public Task RunAsync(CancellationToken ct) => integration.RenewExpiringAsync(ct);
}
