using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Messaging;

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
