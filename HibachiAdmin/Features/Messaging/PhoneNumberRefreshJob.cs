using Hangfire;

namespace HibachiAdmin.Features.Messaging;

/// <summary>Reads the provider's numbers and their features again every hour (one request; the page's button does the same at once).</summary>
public sealed class PhoneNumberRefreshJob(PhoneNumberDirectory directory)
{
    public const string Id = "provider-phone-numbers";

    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0), Queue(Infrastructure.Jobs.ProviderQueues.StatusQueue)]
    public Task<bool> RunAsync(CancellationToken ct) => directory.RefreshAsync(ct);
}
