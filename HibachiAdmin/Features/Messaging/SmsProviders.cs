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

/// <summary>Simulated carrier receipts for sandbox sends. Idempotent: statuses never move backwards.</summary>
public sealed class SandboxReceiptJob(SmsService sms, Microsoft.Extensions.Options.IOptions<SmsOptions> options)
{
    public async Task RunAsync(Guid messageId, CancellationToken ct)
    {
        var message = await sms.GetAsync(messageId, ct);
        if (message is null)
        {
            return;
        }
        await sms.ApplyStatusAsync(messageId, OutboundStatus.Sent, "sandbox: sent", ct);
        var fails = options.Value.SandboxFailNumbers.Any(n => message.To.StartsWith(n, StringComparison.Ordinal));
        await sms.ApplyStatusAsync(messageId, fails ? OutboundStatus.Failed : OutboundStatus.Delivered,
            fails ? "sandbox: simulated carrier failure (SMS-CAR-411)" : "sandbox: delivered", ct);
    }
}
