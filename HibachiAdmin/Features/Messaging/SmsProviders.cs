using Hangfire;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// The default provider: nothing leaves the machine. The message row is the record; delivery receipts
/// are simulated a moment later by <see cref="SandboxReceiptJob"/> (Sent, then Delivered, or Failed for
/// the configured demo numbers), through the same status path real receipts take.
/// </summary>
public sealed class SandboxSmsProvider(IBackgroundJobClient jobs) : ISmsProvider
{
    public string Name => "sandbox";

    public Task<ProviderSendResult> SendAsync(Guid messageId, string to, string text, CancellationToken ct)
    {
        jobs.Schedule<SandboxReceiptJob>(j => j.RunAsync(messageId, CancellationToken.None), TimeSpan.FromSeconds(1));
        return Task.FromResult(new ProviderSendResult(true, $"sandbox-{messageId:N}", null));
    }
}
